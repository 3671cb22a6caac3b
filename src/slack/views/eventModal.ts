// The event form (create and edit) is declared in ../forms; its builder keeps this address, where
// the command handlers import it from. The cards and lists are in events.ts.
export { eventModal, type EventModalMetadata } from '../forms/eventForm';
