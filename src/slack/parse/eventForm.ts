// The event form is declared in ../forms (builder, reader and field errors from one declaration);
// its parser keeps this address, where the listeners import it from.
export {
  eventChannelRefusal,
  eventIdFromMetadata,
  parseEventForm,
  type EventFormResult,
} from '../forms/eventForm';
