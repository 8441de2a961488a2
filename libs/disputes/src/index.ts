export * from './dispute-deadline.service';
export * from './dispute-deadlines.service';
export * from './dispute-rules';
export * from './dispute.service';
