/** view.state.values of our modals, shaped as Slack sends them. */
export type Values = Record<string, Record<string, Record<string, unknown>>>;

/** The announcement modal; channel C0NEWS1, a short text, no repeat unless given. */
export function announceValues(fields: {
  channel?: string;
  text?: string;
  postAt?: Date;
  repeat?: string;
  cron?: string;
}): Values {
  return {
    'announce.channel': {
      value: { type: 'conversations_select', selected_conversation: fields.channel ?? 'C0NEWS1' },
    },
    'announce.text': { value: { type: 'plain_text_input', value: fields.text ?? 'Coffee chat at 10!' } },
    'announce.post_at': {
      value: {
        type: 'datetimepicker',
        selected_date_time: fields.postAt === undefined ? null : Math.floor(fields.postAt.getTime() / 1000),
      },
    },
    'announce.repeat': {
      value: { type: 'static_select', selected_option: { value: fields.repeat ?? 'none' } },
    },
    'announce.cron': { value: { type: 'plain_text_input', value: fields.cron ?? null } },
  };
}

export interface ProfileFields {
  name?: string;
  from?: string;
  to?: string;
  company?: string;
  title?: string;
  location?: string;
  bio?: string;
  interests?: string;
  openTo?: string[];
  visibility?: string;
}

export function profileValues(fields: ProfileFields): Values {
  const text = (value: string | undefined) => ({ value: { type: 'plain_text_input', value: value ?? null } });
  const number = (value: string | undefined) => ({ value: { type: 'number_input', value: value ?? null } });
  return {
    'profile.display_name': text(fields.name),
    'profile.years_from': number(fields.from),
    'profile.years_to': number(fields.to),
    'profile.company': text(fields.company),
    'profile.title': text(fields.title),
    'profile.location': text(fields.location),
    'profile.bio': text(fields.bio),
    'profile.interests': text(fields.interests),
    'profile.open_to': {
      value: { type: 'checkboxes', selected_options: (fields.openTo ?? []).map((value) => ({ value })) },
    },
    'profile.visibility': {
      value: { type: 'radio_buttons', selected_option: { value: fields.visibility ?? 'all' } },
    },
  };
}
