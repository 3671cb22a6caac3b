// The role and referral forms are declared in ../forms (builder, reader and field errors from one
// declaration); their parsers keep this address, where the listeners import them from.
export { jobChannelRefusal, parseJobForm, type JobFormResult } from '../forms/jobForm';
export { jobIdFromReferralMetadata, parseReferralForm, type ReferralFormResult } from '../forms/referralForm';
