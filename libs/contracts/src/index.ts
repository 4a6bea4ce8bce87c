export * from './organisation';
export * from './task';
export * from './complaint.contract';
export * from './case-activities';
export * from './task-queue';
