/**
 * Chinese names for generated streets, communities and providers. Each draws from the syllable
 * lists; a `NameBook` keeps names unique within its scope where the lists allow it.
 */
import type { CommunityKind } from '../domain/taxonomy.js';
import type { Rng } from './prng.js';
import {
  ASSOCIATION_TRADES,
  BRAND_FIRST,
  BRAND_SECOND,
  COMPANY_KINDS,
  PLACE_FIRST,
  PLACE_SECOND,
  SURNAMES,
  VOLUNTEER_THEMES,
} from './syllables.js';

/** Remembers names already given so that a scope (a city) does not repeat one. */
export class NameBook {
  private readonly used = new Set<string>();

  /** Draws names with `draw` until one is new (at most 12 tries, then accepts a repeat). */
  unique(draw: () => string): string {
    let name = draw();
    for (let attempt = 0; attempt < 12 && this.used.has(name); attempt++) name = draw();
    this.used.add(name);
    return name;
  }
}

/** A two-character place stem such as 青枫 (never two equal characters). */
export function placeStem(rng: Rng): string {
  const first = rng.pick(PLACE_FIRST);
  let second = rng.pick(PLACE_SECOND);
  while (second === first) second = rng.pick(PLACE_SECOND);
  return first + second;
}

/** A street or town name: 街道 in town centres, 镇 in the countryside. */
export function streetName(rng: Rng, rural: boolean): string {
  return placeStem(rng) + (rural ? '镇' : '街道');
}

/** A community name fitting its kind: 王家村, 青枫社区, 兴园新村社区, 丽苑花园社区. */
export function communityName(rng: Rng, kind: CommunityKind): string {
  switch (kind) {
    case 'village':
      return rng.chance(0.3) ? `${rng.pick(SURNAMES)}家村` : `${placeStem(rng)}村`;
    case 'old_estate':
      return `${placeStem(rng)}${rng.chance(0.5) ? '新村' : ''}社区`;
    case 'new_build':
      return `${placeStem(rng)}${rng.pick(['花园', '家园', '雅苑', '名都', ''])}社区`;
    default:
      return `${placeStem(rng)}社区`;
  }
}

/** A trade name of two characters (恒信, 华源). */
export function brandName(rng: Rng): string {
  const first = rng.pick(BRAND_FIRST);
  let second = rng.pick(BRAND_SECOND);
  while (second === first) second = rng.pick(BRAND_SECOND);
  return first + second;
}

/** The short form of a district or city name: 天宁区 → 天宁, 溧阳市 → 溧阳. */
export function shortPlace(name: string): string {
  return name.length > 2 ? name.replace(/[区市县]$/u, '') : name;
}

/** 常州市餐饮行业协会, 天宁区青年企业家商会. */
export function associationName(rng: Rng, city: string, district: string): string {
  const scope = rng.chance(0.6) ? `${city}市` : district;
  return scope + rng.pick(ASSOCIATION_TRADES);
}

/** 常州恒信科技有限公司. */
export function companyName(rng: Rng, city: string): string {
  return city + brandName(rng) + rng.pick(COMPANY_KINDS);
}

/** 天宁区恒信社工事务所, 常州市华源社会工作服务中心. */
export function socialWorkName(rng: Rng, city: string, district: string): string {
  return rng.chance(0.5) ? `${district}${brandName(rng)}社工事务所` : `${city}市${brandName(rng)}社会工作服务中心`;
}

/** 钟楼区银发志愿服务队, 青枫社区小橘灯志愿服务队. */
export function volunteerTeamName(rng: Rng, district: string, community: string): string {
  const scope = rng.chance(0.5) ? district : community;
  return `${scope}${rng.pick(VOLUNTEER_THEMES)}志愿服务队`;
}

/** 常州恒信职业技术学院志愿服务团. */
export function universityName(rng: Rng, city: string): string {
  const school = rng.pick(['职业技术学院', '学院', '大学', '卫生高等职业技术学校', '师范学院']);
  return `${city}${brandName(rng)}${school}${rng.pick(['', '志愿服务团', '社会实践团'])}`;
}

/** 常州市慈善总会天宁分会, 青枫社区基金会. */
export function charityName(rng: Rng, city: string, district: string, community: string): string {
  return rng.chance(0.5) ? `${city}市慈善总会${shortPlace(district)}分会` : `${community}发展基金会`;
}

/** 天宁区第二人民医院, 国网常州供电公司天宁供电服务中心. */
export function institutionName(rng: Rng, city: string, district: string): string {
  const short = shortPlace(district);
  const options = [
    `${district}第${rng.pick(['一', '二', '三', '四'])}人民医院`,
    `${district}${brandName(rng)}实验小学`,
    `国网${city}供电公司${short}供电服务中心`,
    `${district}税务局`,
    `${city}市${short}公安分局`,
    `${district}图书馆`,
  ];
  return rng.pick(options);
}
