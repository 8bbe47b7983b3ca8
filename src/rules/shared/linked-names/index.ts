// Names in clear that undo what a document masks (leak/linkage): the public API of the modules
// of this folder, one per family of cue (cues, relatives, lists, courtesy, latin, recurrence).
export { findLinkedNames } from './scan.js'
export { personMaskOf, sameSurnameStarts } from './surnames.js'
export { courtesyTitleEndRe } from './courtesy.js'
export { CueSet } from './cues.js'
export type { LinkCues, LinkedName, LinkReason } from './types.js'
