// The message catalogs. en.json / zh-CN.json hold the shared strings; a console area may keep its own
// pair (<area>.en.json / <area>.zh-CN.json): import both, spread them into EN and ZH_CN and list them in
// PARTS. messages.test.ts checks that every part has the same keys in both languages and that no key
// appears in two parts.
import en from './en.json';
import zhCN from './zh-CN.json';
import gmEn from './gm.en.json';
import gmZhCN from './gm.zh-CN.json';
import k8sEn from './k8s.en.json';
import k8sZhCN from './k8s.zh-CN.json';
import liveEn from './live.en.json';
import liveZhCN from './live.zh-CN.json';

export const EN = { ...en, ...gmEn, ...k8sEn, ...liveEn };
export const ZH_CN: Record<string, string> = { ...zhCN, ...gmZhCN, ...k8sZhCN, ...liveZhCN };
export type MessageKey = keyof typeof EN;

/** [part name, English, Chinese] of every message file pair. */
export const PARTS: [string, Record<string, string>, Record<string, string>][] = [
  ['shared', en, zhCN],
  ['gm', gmEn, gmZhCN],
  ['k8s', k8sEn, k8sZhCN],
  ['live', liveEn, liveZhCN],
];
