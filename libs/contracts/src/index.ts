export * from './organisation';
export * from './task';
export * from './case-workflow.contract';
export * from './complaint.contract';
export * from './return.contract';
export * from './case-activities';
export * from './task-queue';
