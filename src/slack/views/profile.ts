/** Where a modal was opened from, carried in private_metadata so the submission can refresh it. */
export interface ModalOrigin {
  readonly origin: 'home' | 'command' | 'message';
}

// The profile and interests forms are declared in ../forms; their builders keep this address,
// where the listeners import them from.
export { interestsModal, profileModal } from '../forms/profileForm';
