/**
 * Chinese titles of needs by category and form. `whole` titles name things that are useless
 * when only partly funded (a lift, a renovation, a piece of equipment): they become
 * all-or-nothing needs.
 */
import type { Category, SupportForm } from '../domain/taxonomy.js';

export interface TitleSet {
  readonly titles: readonly string[];
  readonly whole?: readonly string[];
}

type TitleTable = Readonly<Record<Category, Readonly<Partial<Record<SupportForm, TitleSet>>>>>;

export const PROJECT_TITLES: TitleTable = {
  elderly: {
    talent: { titles: ['老年人助餐服务', '独居老人定期探访', '老年人助浴上门服务', '高龄老人陪诊服务', '老年大学兴趣课程授课', '失能老人喘息照护服务'] },
    goods: { titles: ['老年活动室桌椅更新', '助行器与轮椅配置', '适老化扶手与防滑垫'], whole: ['社区老年食堂厨房设备'] },
    tech: { titles: ['独居老人智能烟感与紧急呼叫', '老年人智能手机使用培训'] },
    funds: { titles: ['社区老年食堂运营补贴', '居家适老化改造资金'], whole: ['老旧小区加装电梯资金', '日间照料中心改造资金'] },
  },
  children: {
    talent: { titles: ['四点半课堂志愿辅导', '暑期托管班志愿者', '亲子阅读活动带领', '青少年安全教育讲座'] },
    goods: { titles: ['四点半课堂学习用品', '儿童图书角图书'], whole: ['儿童游乐设施更新'] },
    tech: { titles: ['少儿编程兴趣课', '青少年科普实验课'] },
    funds: { titles: ['暑期托管班运营资金', '困境儿童助学金'], whole: ['儿童友好空间改造资金'] },
  },
  new_employment: {
    talent: { titles: ['快递外卖骑手法律咨询', '新就业群体健康体检服务', '骑手子女暑期托管志愿者'] },
    goods: { titles: ['骑手爱心驿站饮水与急救物资', '夏季防暑降温物资'], whole: ['骑手暖心驿站桌椅与充电设备'] },
    tech: { titles: ['电动车智能充电服务'] },
    funds: { titles: ['骑手意外保险补贴'], whole: ['新就业群体服务站建设资金'] },
  },
  disability: {
    talent: { titles: ['残疾人康复训练指导', '手语志愿服务', '残疾人居家照护服务'] },
    goods: { titles: ['康复辅具配置', '盲人有声读物'], whole: ['无障碍坡道改造材料'] },
    tech: { titles: ['残疾人无障碍信息服务', '智能助听设备调试'] },
    funds: { titles: ['残疾人辅助就业补贴'], whole: ['残疾人之家康复设备资金', '无障碍设施改造资金'] },
  },
  relief: {
    talent: { titles: ['困难家庭走访帮扶', '低保家庭政策咨询'] },
    goods: { titles: ['困难家庭节日慰问物资', '冬季御寒衣被', '爱心粮油'] },
    tech: { titles: ['困难家庭帮扶信息台账'] },
    funds: { titles: ['困难家庭临时救助金', '大病家庭帮扶资金', '爱心助学金'] },
  },
  health: {
    talent: { titles: ['家庭医生签约上门服务', '慢性病健康讲座', '中医义诊活动', '社区护士上门护理'] },
    goods: { titles: ['健康小屋血压计血糖仪', '急救包配置'], whole: ['社区AED除颤仪'] },
    tech: { titles: ['远程问诊终端服务', '居民健康档案数字化'] },
    funds: { titles: ['社区健康小屋运营资金', '老年人免费体检补贴'] },
  },
  legal: {
    talent: { titles: ['社区法律顾问值班', '邻里纠纷调解', '法律知识进社区讲座', '劳动争议咨询'] },
    tech: { titles: ['在线法律咨询平台服务'] },
    funds: { titles: ['人民调解工作经费'] },
  },
  culture: {
    talent: { titles: ['社区文艺团队指导', '传统节日民俗活动组织', '书法绘画兴趣班授课'] },
    goods: { titles: ['社区文艺队演出服装', '社区书屋图书更新'], whole: ['乐器与音响设备'] },
    tech: { titles: ['社区文化活动直播服务'] },
    funds: { titles: ['邻里文化节活动经费'], whole: ['社区文化广场改造资金'] },
  },
  environment: {
    talent: { titles: ['垃圾分类宣传督导', '口袋公园设计志愿服务', '楼道清理志愿活动'] },
    goods: { titles: ['社区绿化苗木', '楼道照明灯具'], whole: ['垃圾分类投放设施'] },
    tech: { titles: ['微更新方案设计服务', '小区排水管网检测'] },
    funds: { titles: ['楼道微改造资金'], whole: ['口袋公园建设资金', '非机动车充电棚建设资金', '老旧小区雨污分流改造资金'] },
  },
  employment: {
    talent: { titles: ['就业创业指导咨询', '技能培训授课', '招聘对接会组织'] },
    goods: { titles: ['技能培训教材与工具'] },
    tech: { titles: ['线上求职平台对接服务'] },
    funds: { titles: ['创业孵化补贴', '技能培训补贴'] },
  },
  education: {
    talent: { titles: ['成人夜校授课', '家庭教育讲座', '课后作业辅导志愿服务'] },
    goods: { titles: ['社区学堂教学设备', '图书捐赠'] },
    tech: { titles: ['在线学习平台账号与培训', '多媒体教室设备调试'] },
    funds: { titles: ['社区教育活动经费'], whole: ['社区学堂多媒体教室建设资金'] },
  },
  psychology: {
    talent: { titles: ['心理健康讲座', '一对一心理疏导', '青少年心理辅导', '独居老人心理关怀'] },
    tech: { titles: ['心理热线平台服务'] },
    funds: { titles: ['心理咨询室运营经费'] },
  },
  digital: {
    talent: { titles: ['智慧社区系统操作培训', '数字助老志愿服务'] },
    goods: { titles: ['社区电脑与打印设备'], whole: ['智能快递柜'] },
    tech: { titles: ['智慧社区平台运维', '社区监控与门禁系统升级', '社区网格化管理系统', '居民数据台账数字化'] },
    funds: { titles: ['智慧社区平台建设资金'], whole: ['智慧安防系统建设资金'] },
  },
  property: {
    talent: { titles: ['物业纠纷调解', '业主委员会组建指导', '物业服务质量评估'] },
    tech: { titles: ['小区物业管理系统服务', '维修资金线上表决系统'] },
    funds: { titles: ['无物业小区托管补贴'], whole: ['楼栋公共设施维修资金'] },
  },
};

export const WISH_TITLES: TitleTable = {
  elderly: {
    talent: { titles: ['陪老人去医院复诊', '上门为老人理发', '帮独居老人打扫卫生'] },
    goods: { titles: ['独居老人想要一台电饭煲', '老人需要一副老花镜', '高龄老人想要一根助行拐杖', '老人想要一台收音机', '冬季电热毯', '防滑拖鞋'] },
    tech: { titles: ['教老人用智能手机视频通话'] },
    funds: { titles: ['老人助听器费用资助', '老人假牙费用资助'] },
  },
  children: {
    talent: { titles: ['周末作业辅导'] },
    goods: { titles: ['孩子想要一个新书包', '一套课外读物', '一双运动鞋', '一盏护眼台灯', '一张学习桌'] },
    funds: { titles: ['兴趣班学费资助'] },
  },
  new_employment: {
    goods: { titles: ['骑手想要一件雨衣', '骑手想要一个新头盔', '电动车备用电池'] },
    funds: { titles: ['电动车维修费资助'] },
  },
  disability: {
    talent: { titles: ['陪同外出办事'] },
    goods: { titles: ['想要一台轮椅', '一副拐杖', '一副助听器'] },
    funds: { titles: ['康复训练费资助'] },
  },
  relief: {
    goods: { titles: ['一袋大米和一桶食用油', '冬季棉被', '一台电风扇', '一台小冰箱'] },
    funds: { titles: ['临时生活费资助', '孩子学费资助'] },
  },
  health: {
    talent: { titles: ['上门测血压', '陪诊一次'] },
    goods: { titles: ['一台电子血压计', '一台血糖仪'] },
    funds: { titles: ['药费资助'] },
  },
  legal: { talent: { titles: ['咨询遗产继承问题', '咨询劳动合同纠纷'] } },
  culture: {
    talent: { titles: ['想学书法'] },
    goods: { titles: ['想要一把二胡', '广场舞小音响'] },
    funds: { titles: ['老年大学学费资助'] },
  },
  environment: {
    talent: { titles: ['帮忙清理楼道杂物'] },
    goods: { titles: ['阳台晾衣架', '楼道感应灯'] },
  },
  employment: {
    talent: { titles: ['求职简历指导'] },
    goods: { titles: ['职业资格培训教材'] },
    funds: { titles: ['培训报名费资助'] },
  },
  education: {
    talent: { titles: ['英语学习辅导'] },
    goods: { titles: ['一台二手电脑', '一本新华字典'] },
    funds: { titles: ['学费资助'] },
  },
  psychology: { talent: { titles: ['想找人聊聊天', '心理咨询一次'] } },
  digital: {
    talent: { titles: ['学会网上缴费'] },
    goods: { titles: ['一部老年智能手机'] },
    tech: { titles: ['帮忙安装宽带', '设置手机医保码'] },
  },
  property: { talent: { titles: ['协调楼上漏水问题'] } },
};
