/**
 * Real places the generated geography hangs on: Changzhou's seven districts and Jiangsu's
 * thirteen prefecture-level cities, with approximate centres. Streets and communities below
 * them are generated.
 */

/** A district (区/县级市) as the generator places it. */
export interface DistrictSite {
  readonly name: string;
  readonly lat: number;
  readonly lon: number;
  /** Typical distance of its streets from the centre, km. */
  readonly spreadKm: number;
  /** Relative share of the city's communities. */
  readonly weight: number;
  /** Share of its streets that are rural towns (镇) rather than urban streets (街道). */
  readonly ruralShare: number;
}

/** Changzhou's districts; 金坛 and 溧阳 lie to the south-west, 经开区 to the east. */
export const CHANGZHOU_DISTRICTS: readonly DistrictSite[] = [
  { name: '天宁区', lat: 31.785, lon: 119.975, spreadKm: 4.5, weight: 1.0, ruralShare: 0.1 },
  { name: '钟楼区', lat: 31.785, lon: 119.905, spreadKm: 4.5, weight: 1.0, ruralShare: 0.1 },
  { name: '新北区', lat: 31.870, lon: 119.965, spreadKm: 8, weight: 1.2, ruralShare: 0.3 },
  { name: '武进区', lat: 31.690, lon: 119.945, spreadKm: 11, weight: 1.5, ruralShare: 0.45 },
  { name: '金坛区', lat: 31.730, lon: 119.580, spreadKm: 10, weight: 0.7, ruralShare: 0.6 },
  { name: '溧阳市', lat: 31.440, lon: 119.460, spreadKm: 12, weight: 0.8, ruralShare: 0.65 },
  { name: '经开区', lat: 31.765, lon: 120.085, spreadKm: 6, weight: 0.7, ruralShare: 0.3 },
];

/** A prefecture-level city: its short name and centre. */
export interface CitySite {
  readonly name: string;
  readonly lat: number;
  readonly lon: number;
}

/** Jiangsu's thirteen cities (the province family); 常州 keeps its real districts there. */
export const JIANGSU_CITIES: readonly CitySite[] = [
  { name: '南京', lat: 32.06, lon: 118.8 },
  { name: '无锡', lat: 31.49, lon: 120.31 },
  { name: '徐州', lat: 34.26, lon: 117.18 },
  { name: '常州', lat: 31.81, lon: 119.97 },
  { name: '苏州', lat: 31.3, lon: 120.59 },
  { name: '南通', lat: 31.98, lon: 120.89 },
  { name: '连云港', lat: 34.6, lon: 119.22 },
  { name: '淮安', lat: 33.61, lon: 119.02 },
  { name: '盐城', lat: 33.35, lon: 120.16 },
  { name: '扬州', lat: 32.39, lon: 119.41 },
  { name: '镇江', lat: 32.19, lon: 119.43 },
  { name: '泰州', lat: 32.46, lon: 119.92 },
  { name: '宿迁', lat: 33.96, lon: 118.28 },
];

/** The city the changzhou and city families are set in. */
export const CHANGZHOU: CitySite = { name: '常州', lat: 31.81, lon: 119.97 };
