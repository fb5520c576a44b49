export * from './kinds';
export * from './edge-types';
export * from './units';
export * from './dates';
export * from './model';
export * from './errors';
export * from './store';
export * from './text';
