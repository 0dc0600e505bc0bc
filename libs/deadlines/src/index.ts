export * from './calendar-days';
export * from './deadline-clock';
export * from './deadline-clocks';
export * from './migrations';
export * from './nest/deadline-clocks.module';
