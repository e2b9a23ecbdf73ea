// Names whose odd capitalisation is correct (iPhone, WeChat, freeCodeCamp):
// a glued-word rule must not read them as two words run together.

import abbreviates from 'case-police/dict/abbreviates.json' with { type: 'json' };
import brands from 'case-police/dict/brands.json' with { type: 'json' };
import general from 'case-police/dict/general.json' with { type: 'json' };
import products from 'case-police/dict/products.json' with { type: 'json' };
import softwares from 'case-police/dict/softwares.json' with { type: 'json' };

// Names case-police does not know that appear in news translated from Chinese.
const MORE = [
  'eBay', 'PetroChina', 'BeiDou', 'iFlytek', 'DeepSeek', 'HarmonyOS', 'AliExpress', 'WeCom', 'DiDi',
  'SenseTime', 'OnePlus', 'MiniMax', 'BlackRock', 'JPMorgan', 'ExxonMobil', 'FedEx', 'MasterCard',
  'PricewaterhouseCoopers', 'GlaxoSmithKline', 'SoftBank', 'McKinsey', 'iQiyi', 'eCommerce', 'mRNA',
];

const dictionaries: Record<string, string>[] = [abbreviates, brands, general, products, softwares];

/** Every word of every name, in its correct spelling. */
const NAMES = new Set<string>([...dictionaries.flatMap((d) => Object.values(d)), ...MORE].flatMap((name) => name.split(' ')));

/** Whether `token` is a known name spelt with its correct capitalisation. */
export function isKnownName(token: string): boolean {
  return NAMES.has(token);
}
