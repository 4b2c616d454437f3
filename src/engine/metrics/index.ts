export * from './classification';
export * from './series';
