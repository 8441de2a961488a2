export * from './audio-codec';
export * from './audio-index';
export * from './audio-matcher';
export * from './audio-print';
export * from './audio-verify';
export * from './speed-corrections';
export * from './voicing';
export * from './fusion';
