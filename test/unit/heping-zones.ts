/** The six zones (六区) of the Heping plan, as the plan names them. */
export const HEPING_ZONES = [
  '五大道小洋楼历史文化体验区',
  '解放北路高质金融聚集区',
  '西开教堂休闲观光商业区',
  '鞍山道扶桑市井商业旅游区',
  '小白楼高端商业商务区',
  '中心公园法式风情商业区',
];
