// The announcement form is declared in ../forms (builder, reader and field errors from one
// declaration); its parser keeps this address, where the listeners import it from.
export {
  announcementChannelRefusal,
  parseAnnouncementForm,
  type AnnouncementFormResult,
} from '../forms/announcementForm';
