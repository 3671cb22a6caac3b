/**
 * Fault: 1,000 generated bad inputs, from fast-check with fixed seeds (a failure prints the seed and
 * the batch that broke a rule).
 *
 * - 504 command texts, as /alumni and as DMs, from three members (one who agreed, one who never
 *   did, an admin): every verb and sub-verb of the parser with wrong or hostile arguments, unknown
 *   verbs, very long texts, control and invisible characters, RTL marks, mentions, channel refs,
 *   emoji, full-width letters, SQL and mrkdwn injection.
 * - 304 modal submissions for every callback id, each broken on purpose: required blocks missing or
 *   null, values of the wrong type, huge strings, forged option values, users, channels and dates,
 *   junk instead of the whole state, junk private_metadata.
 * - 192 button presses: unknown action ids, and garbage values for every known action id, pressed
 *   in a message, on the Home tab and in a modal.
 *
 * Rules, checked batch by batch (eight requests at once): no HTTP 5xx and no error logged; every
 * slash command answered ephemerally with non-empty text (or the modal it asked for), every DM
 * command answered in its DM; every broken submission answered 200 with field errors or an
 * explanation; the database unchanged wherever the input is invalid (classified with the real
 * parser: a well-formed `interests add x` may change it); no request Slack would reject. At the end
 * the bot is healthy and its scheduler ticks cleanly.
 */
import fc from 'fast-check';
import { parseCommand } from '../../src/slack/parse/command';
import { VERBS as VERB_TABLE } from '../../src/slack/commands/verbs';
import { ACTION } from '../../src/slack/ids';
import type { SignedResponse } from '../support/signing';
import { interactivityBody } from '../support/signing';
import { ADMIN, TestBot } from '../support/testBot';
import actionFixture from '../fixtures/payloads/block_actions.json';
import viewFixture from '../fixtures/payloads/view_submission.json';
import {
  announceValues,
  dmEvent,
  eventEnvelope,
  eventValues,
  isRecord,
  jobValues,
  profileValues,
  recordFigures,
  referralValues,
  slashBody,
  viewBody,
  visibleText,
  type Json,
  type Values,
} from './support';

jest.setTimeout(120_000);

const MEMBER = 'UFUZZMEM';
const NEWBIE = 'UFUZZNEW';
const USERS = [MEMBER, NEWBIE, ADMIN];
const BATCH = 8;
const SEEDS = { commands: 20260601, views: 20260602, actions: 20260603 };
const RUNS = { commands: 53, views: 38, actions: 34 }; // batches of 8: 424 + 304 + 272 = 1,000 inputs
const NOW = Date.parse('2026-06-01T01:00:00Z');

// ---------------------------------------------------------------- command texts

/** Every verb and sub-verb the parser knows (src/slack/parse/command.ts), spelled as members type them. */
const VERBS = [
  'help',
  'profile',
  'interests',
  'interest',
  'interests list',
  'interests add',
  'interests remove',
  'find',
  'search',
  'privacy',
  'privacy export',
  'privacy delete',
  'roles',
  'role',
  'role add',
  'role remove',
  'events',
  'event',
  'event new',
  'event create',
  'event edit',
  'event cancel',
  'event attendees',
  'announce',
  'announce new',
  'announce list',
  'announce cancel',
  'announcement',
  'announcements',
  'jobs',
  'job',
  'job list',
  'job new',
  'job create',
  'job close',
  'job post',
  'job hired',
  'job hire',
  'job contacts',
  'stats',
  'stats csv',
  'intros',
  'intro',
  'intros status',
  'intros on',
  'intros off',
  'intros snooze',
  'intros preview',
  'talent',
  'digest',
  'digests',
  'digest on',
  'digest off',
  'digest daily',
  'digest weekly',
  'digest preview',
  'digest send',
  'ask',
  'offer',
  'asks',
  'asks mine',
  'offers',
  'study',
  'study propose',
  'mentor',
  'mentoring',
  'mentor offer',
  'mentor capacity',
  'mentor open',
  'mentor limited',
  'mentor closed',
  'mentor request',
  'mentors',
  'report',
  'join',
  'admin',
  'admin eligible import',
  'chapters',
  'chapter',
  'chapters join',
  'chapters create',
  'chapters lead add',
];
/** Every English verb name in the verb table: a verb added there must be added above. */
function parserVerbs(): string[] {
  return VERB_TABLE.flatMap((verb) => [...verb.names.en]);
}
const UNKNOWN_VERBS = [
  'frobnicate',
  'helpme',
  'h3lp',
  'DROP',
  'select',
  'sudo',
  'rm',
  'admin',
  'delete',
  'unsubscribe',
  '-h',
  '--help',
  '?',
  '/alumni',
];
/** Hostile fragments: mentions, refs, mrkdwn and SQL injection, invisible and RTL characters, emoji. */
const ATOMS = [
  '<@U0FZ12345|x>',
  '<@W0FZ999>',
  '<@U0FZ1|<!channel>>',
  '<@>',
  '<@U>',
  '<@u0fz1|lower>',
  '@here',
  '<#C0FZ1234|general>',
  '<#C0FZ1>',
  '<!channel>',
  '<!here>',
  '<!everyone>',
  '<!subteam^S0FZ1|@team>',
  '<!date^1392734382^{date}|x>',
  '<https://evil.example|click>',
  '<mailto:a@b.c|mail>',
  '*bold*',
  '_it_',
  '~strike~',
  '`code`',
  '```block```',
  '> quote',
  '&amp;',
  '&lt;',
  '&gt;',
  '<',
  '>',
  '&',
  "'; DROP TABLE members; --",
  '" OR 1=1 --',
  "%' OR '1'='1",
  'UNION SELECT * FROM outbox',
  '\\',
  '%00',
  '%s%n',
  '${jndi:ldap://x}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  'NaN',
  'Infinity',
  '-1',
  '0',
  '#12',
  '#',
  '99999999999',
  '1e3',
  '0x1F',
  '1.5',
  '١٢',
  ':tada:',
  '🎉',
  '👩‍👩‍👧‍👦',
  '🏳️‍🌈',
  'ＩＮＴＥＲＥＳＴＳ',
  'ｈｅｌｐ',
  '\u202eevil',
  '\u200f',
  '\u200e',
  '\u200b',
  '\ufeff',
  '\u0000',
  '\u0007',
  '\u001b[31m',
  '\r\n',
  '\t',
  'テニス',
  '機械学習',
  'مرحبا',
  'שלום',
  ',',
  ',,,',
  'go,go,go',
  '#go',
];

const fullWidth = (text: string): string =>
  text.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

const word = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...ATOMS) },
  { weight: 2, arbitrary: fc.string({ maxLength: 12 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 10 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
  { weight: 1, arbitrary: fc.integer().map(String) },
  { weight: 1, arbitrary: fc.stringMatching(/^[UWCG][A-Z0-9]{2,10}$/).map((id) => `<@${id}|n>`) },
);
const junk = fc.array(word, { maxLength: 6 }).map((words) => words.join(' '));
const longText = fc
  .tuple(
    fc.constantFrom('x', 'あ', '🎉', '<@U0FZ1|x> ', '*b*', '\u202e', 'a,', ' '),
    fc.integer({ min: 400, max: 6000 }),
  )
  .map(([piece, times]) => piece.repeat(times));
const controlChars = fc
  .array(
    fc.integer({ min: 0, max: 31 }).map((code) => String.fromCharCode(code)),
    { minLength: 1, maxLength: 4 },
  )
  .map((chars) => chars.join(''));

interface CommandInput {
  readonly kind: 'command';
  readonly surface: 'slash' | 'dm';
  readonly user: string;
  readonly text: string;
  /** The verb the text was built from, for the coverage check. */
  readonly prefix: string;
}

let verbTurn = 0;
/** Each verb in turn, so that every one is fuzzed whatever the seed and however many verbs there are. */
const verbInTurn: fc.Arbitrary<string> = fc.constant(null).chain(() => {
  verbTurn += 1;
  return fc.constant(VERBS[verbTurn % VERBS.length] ?? 'help');
});

const commandText: fc.Arbitrary<{ text: string; prefix: string }> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.tuple(verbInTurn, junk).map(([verb, rest]) => ({ text: `${verb} ${rest}`, prefix: verb })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...VERBS), longText)
      .map(([verb, rest]) => ({ text: `${verb} ${rest}`, prefix: verb })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...VERBS), junk)
      .map(([verb, rest]) => ({ text: `${fullWidth(verb)} ${rest}`, prefix: verb })),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...VERBS), controlChars, fc.nat(), junk)
      .map(([verb, chars, at, rest]) => {
        const cut = at % (verb.length + 1);
        return { text: `${verb.slice(0, cut)}${chars}${verb.slice(cut)} ${rest}`, prefix: verb };
      }),
  },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...UNKNOWN_VERBS), junk)
      .map(([verb, rest]) => ({ text: `${verb} ${rest}`, prefix: '(unknown)' })),
  },
  { weight: 1, arbitrary: junk.map((text) => ({ text, prefix: '(junk)' })) },
  { weight: 1, arbitrary: longText.map((text) => ({ text, prefix: '(long)' })) },
);

const commandInput: fc.Arbitrary<CommandInput> = fc
  .record({
    surface: fc.constantFrom<'slash' | 'dm'>('slash', 'slash', 'slash', 'dm'),
    user: fc.constantFrom(...USERS),
    text: commandText,
  })
  .map(({ surface, user, text }) => ({
    kind: 'command',
    surface,
    user,
    text: text.text,
    prefix: text.prefix,
  }));

// ---------------------------------------------------------------- modal submissions

type ElementKind = 'text' | 'number' | 'select' | 'multi' | 'conversation' | 'user' | 'date' | 'datetime';

interface Mutation {
  readonly op: 'drop' | 'null' | 'wrongType' | 'huge' | 'forge' | 'set' | 'junkAll';
  readonly block: string;
  readonly payload: unknown;
}

interface FormSpec {
  readonly callbackId: string;
  readonly users: readonly string[];
  readonly base: () => Values;
  readonly blocks: Readonly<Record<string, ElementKind>>;
  /** Mutations that, on their own, make the submission invalid; each is tried on each of its blocks. */
  readonly breakers: readonly Breaker[];
  readonly metadata: fc.Arbitrary<string>;
  /** Whether a listener handles this callback id (others are only acknowledged). */
  readonly handled: boolean;
}

const hugeString = fc
  .tuple(fc.constantFrom('x', 'あ', '🎉', 'ab'), fc.integer({ min: 3_001, max: 30_000 }))
  .map(([piece, times]) => piece.repeat(times));
const junkString = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constantFrom(
    '',
    ' ',
    'null',
    '#general',
    'C',
    'c0abc',
    '<#C0FZ1>',
    'U',
    'everyone',
    "'; DROP TABLE jobs; --",
    '\u0000',
    '🎉',
  ),
);
const wrongTypes = fc.oneof(
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.constant({}),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.string({ maxLength: 8 }),
);
const junkValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 20 }),
  fc.integer(),
  fc.array(fc.string({ maxLength: 5 }), { maxLength: 3 }),
  fc.jsonValue({ maxDepth: 3 }),
);
const junkMetadata = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.jsonValue({ maxDepth: 2 }).map((value) => JSON.stringify(value)),
  fc.constantFrom(
    '{"eventId":-1}',
    '{"eventId":"1"}',
    '{"jobId":0}',
    '{"jobId":1e99}',
    '{"origin":"home"}',
    'null',
    '{',
  ),
);

/** The element of `kind` with a wrong-typed field, as a forged or broken client might send it. */
function wrongTyped(kind: ElementKind, value: unknown): Json {
  switch (kind) {
    case 'text':
      return { type: 'plain_text_input', value: typeof value === 'string' ? 12345 : value };
    case 'number':
      return { type: 'number_input', value: typeof value === 'string' ? 12 : value };
    case 'select':
      return { type: 'static_select', selected_option: typeof value === 'object' ? 'x' : { value } };
    case 'multi':
      return { type: 'checkboxes', selected_options: typeof value === 'object' ? [1, 2] : value };
    case 'conversation':
      return { type: 'conversations_select', selected_conversation: typeof value === 'string' ? 123 : value };
    case 'user':
      return { type: 'users_select', selected_user: typeof value === 'string' ? 42 : value };
    case 'date':
      return { type: 'datepicker', selected_date: typeof value === 'string' ? 20260101 : value };
    case 'datetime':
      return {
        type: 'datetimepicker',
        selected_date_time: typeof value === 'number' ? String(value) : value,
      };
  }
}

/** The element of `kind` with nothing chosen or typed. */
function nulled(kind: ElementKind): Json {
  switch (kind) {
    case 'text':
      return { type: 'plain_text_input', value: null };
    case 'number':
      return { type: 'number_input', value: null };
    case 'select':
      return { type: 'static_select', selected_option: null };
    case 'multi':
      return { type: 'checkboxes', selected_options: [] };
    case 'conversation':
      return { type: 'conversations_select', selected_conversation: null };
    case 'user':
      return { type: 'users_select', selected_user: null };
    case 'date':
      return { type: 'datepicker', selected_date: null };
    case 'datetime':
      return { type: 'datetimepicker', selected_date_time: null };
  }
}

/** A value for `kind` that Slack could never have offered. */
function forged(kind: ElementKind, junkText: string): Json {
  switch (kind) {
    case 'text':
      return { type: 'plain_text_input', value: junkText };
    case 'number':
      return { type: 'number_input', value: `${junkText}abc` };
    case 'select':
      return { type: 'static_select', selected_option: { value: `forged:${junkText}` } };
    case 'multi':
      return { type: 'checkboxes', selected_options: [{ value: `forged:${junkText}` }] };
    case 'conversation':
      return { type: 'conversations_select', selected_conversation: `#${junkText}` };
    case 'user':
      return { type: 'users_select', selected_user: `@${junkText}` };
    case 'date':
      return { type: 'datepicker', selected_date: `2020-02-30${junkText}` };
    case 'datetime':
      return { type: 'datetimepicker', selected_date_time: -Math.abs(junkText.length * 86_400) - 1 };
  }
}

function applyMutation(values: Values, kinds: Readonly<Record<string, ElementKind>>, m: Mutation): unknown {
  if (m.op === 'junkAll') return m.payload;
  const out: Values = { ...values };
  const kind = kinds[m.block] ?? 'text';
  switch (m.op) {
    case 'drop':
      delete out[m.block];
      break;
    case 'null':
      out[m.block] = { value: nulled(kind) };
      break;
    case 'wrongType':
      out[m.block] = { value: wrongTyped(kind, m.payload) };
      break;
    case 'huge':
      out[m.block] = { value: { type: 'plain_text_input', value: m.payload } };
      break;
    case 'forge':
      out[m.block] = { value: forged(kind, typeof m.payload === 'string' ? m.payload : '') };
      break;
    case 'set':
      out[m.block] = {
        value: isRecord(m.payload) ? m.payload : { type: 'plain_text_input', value: m.payload },
      };
      break;
  }
  return out;
}

interface Breaker {
  readonly op: Mutation['op'];
  readonly blocks: readonly string[];
  readonly payload: fc.Arbitrary<unknown>;
}

const breaker = (op: Mutation['op'], blocks: readonly string[], payload: fc.Arbitrary<unknown>): Breaker => ({
  op,
  blocks,
  payload,
});
const mutation = (
  op: Mutation['op'],
  blocks: readonly string[],
  payload: fc.Arbitrary<unknown>,
): fc.Arbitrary<Mutation> => fc.record({ op: fc.constant(op), block: fc.constantFrom(...blocks), payload });

/** A past moment, as a datetimepicker value (seconds). */
const pastEpoch = fc.integer({ min: 0, max: Math.floor(NOW / 1000) - 3600 });

const FORMS: FormSpec[] = [
  {
    callbackId: 'profile.modal',
    users: [MEMBER, NEWBIE, ADMIN],
    base: profileValues,
    blocks: {
      'profile.display_name': 'text',
      'profile.years_from': 'number',
      'profile.years_to': 'number',
      'profile.company': 'text',
      'profile.title': 'text',
      'profile.location': 'text',
      'profile.bio': 'text',
      'profile.interests': 'text',
      'profile.open_to': 'multi',
      'profile.visibility': 'select',
    },
    breakers: [
      breaker(
        'huge',
        [
          'profile.display_name',
          'profile.company',
          'profile.title',
          'profile.location',
          'profile.bio',
          'profile.interests',
        ],
        hugeString,
      ),
      breaker(
        'forge',
        ['profile.open_to', 'profile.visibility', 'profile.years_from', 'profile.years_to'],
        junkString,
      ),
      breaker(
        'wrongType',
        [
          'profile.display_name',
          'profile.bio',
          'profile.visibility',
          'profile.open_to',
          'profile.years_from',
        ],
        wrongTypes,
      ),
      breaker('junkAll', ['*'], junkValue),
    ],
    metadata: fc.oneof(fc.constant('{"origin":"command"}'), junkMetadata),
    handled: true,
  },
  {
    callbackId: 'interests.modal',
    users: [MEMBER, NEWBIE, ADMIN],
    base: () => ({ 'interests.tags': { value: { type: 'plain_text_input', value: 'go, design' } } }),
    blocks: { 'interests.tags': 'text' },
    breakers: [
      breaker('huge', ['interests.tags'], hugeString),
      breaker(
        'huge',
        ['interests.tags'],
        fc.integer({ min: 31, max: 80 }).map((n) => Array.from({ length: n }, (_, i) => `t${i}`).join(',')),
      ),
      breaker('wrongType', ['interests.tags'], wrongTypes),
      breaker('junkAll', ['*'], junkValue),
    ],
    metadata: fc.oneof(fc.constant('{"origin":"home"}'), junkMetadata),
    handled: true,
  },
  {
    callbackId: 'event.modal',
    users: [ADMIN, MEMBER],
    base: () =>
      eventValues({
        title: 'Fuzz meetup',
        startsAt: new Date(NOW + 86_400_000),
        endsAt: new Date(NOW + 90_000_000),
        channel: 'C0FUZZEV',
        reminders: ['1h'],
      }),
    blocks: {
      'event.title': 'text',
      'event.description': 'text',
      'event.starts_at': 'datetime',
      'event.ends_at': 'datetime',
      'event.place': 'text',
      'event.url': 'text',
      'event.channel': 'conversation',
      'event.capacity': 'number',
      'event.tags': 'text',
      'event.reminders': 'multi',
    },
    breakers: [
      breaker(
        'drop',
        ['event.title', 'event.starts_at', 'event.ends_at', 'event.channel'],
        fc.constant(null),
      ),
      breaker(
        'null',
        ['event.title', 'event.starts_at', 'event.ends_at', 'event.channel'],
        fc.constant(null),
      ),
      breaker('huge', ['event.title', 'event.description', 'event.place', 'event.url'], hugeString),
      breaker('forge', ['event.reminders', 'event.channel', 'event.starts_at', 'event.capacity'], junkString),
      breaker(
        'wrongType',
        ['event.title', 'event.starts_at', 'event.reminders', 'event.channel'],
        wrongTypes,
      ),
      // A start in the past, or an end before the start.
      breaker(
        'set',
        ['event.starts_at', 'event.ends_at'],
        pastEpoch.map((seconds) => ({ type: 'datetimepicker', selected_date_time: seconds })),
      ),
      breaker('junkAll', ['*'], junkValue),
    ],
    metadata: fc.oneof(fc.constant('{"eventId":null}'), fc.constant('{"eventId":424242}'), junkMetadata),
    handled: true,
  },
  {
    callbackId: 'announcement.modal',
    users: [ADMIN, MEMBER],
    base: () =>
      announceValues({
        channel: 'C0FUZZNEWS',
        text: 'Fuzz news',
        postAt: new Date(NOW + 3_600_000),
        repeat: 'none',
      }),
    blocks: {
      'announce.channel': 'conversation',
      'announce.text': 'text',
      'announce.post_at': 'datetime',
      'announce.repeat': 'select',
      'announce.cron': 'text',
    },
    breakers: [
      breaker('drop', ['announce.channel', 'announce.text', 'announce.post_at'], fc.constant(null)),
      breaker('null', ['announce.channel', 'announce.text', 'announce.post_at'], fc.constant(null)),
      breaker('huge', ['announce.text'], hugeString),
      breaker('forge', ['announce.repeat', 'announce.channel', 'announce.post_at'], junkString),
      breaker(
        'wrongType',
        ['announce.channel', 'announce.text', 'announce.post_at', 'announce.repeat'],
        wrongTypes,
      ),
      breaker('junkAll', ['*'], junkValue),
    ],
    metadata: fc.oneof(fc.constant(''), junkMetadata),
    handled: true,
  },
  {
    callbackId: 'job.modal',
    users: [ADMIN, MEMBER],
    base: () => jobValues(ADMIN, 'C0FUZZJOBS'),
    blocks: {
      'job.title': 'text',
      'job.team': 'text',
      'job.location': 'text',
      'job.work_style': 'select',
      'job.employment_type': 'select',
      'job.description': 'text',
      'job.apply_url': 'text',
      'job.tags': 'text',
      'job.recruiter': 'user',
      'job.closes_on': 'date',
      'job.channel': 'conversation',
    },
    breakers: [
      breaker(
        'drop',
        [
          'job.title',
          'job.work_style',
          'job.employment_type',
          'job.apply_url',
          'job.recruiter',
          'job.channel',
        ],
        fc.constant(null),
      ),
      breaker(
        'null',
        [
          'job.title',
          'job.work_style',
          'job.employment_type',
          'job.apply_url',
          'job.recruiter',
          'job.channel',
        ],
        fc.constant(null),
      ),
      breaker(
        'huge',
        ['job.title', 'job.team', 'job.location', 'job.description', 'job.apply_url'],
        hugeString,
      ),
      breaker(
        'forge',
        ['job.work_style', 'job.employment_type', 'job.recruiter', 'job.closes_on', 'job.channel'],
        junkString,
      ),
      breaker(
        'set',
        ['job.apply_url'],
        fc
          .constantFrom(
            'javascript:alert(1)',
            'ftp://x',
            'https://',
            'careers.example.com',
            'https://exa mple.com',
          )
          .map((url) => ({ type: 'plain_text_input', value: url })),
      ),
      breaker(
        'wrongType',
        ['job.title', 'job.work_style', 'job.recruiter', 'job.closes_on', 'job.apply_url'],
        wrongTypes,
      ),
      breaker('junkAll', ['*'], junkValue),
    ],
    metadata: fc.oneof(fc.constant(''), junkMetadata),
    handled: true,
  },
  {
    callbackId: 'job.referral.modal',
    users: [MEMBER, ADMIN, NEWBIE],
    base: referralValues,
    blocks: {
      'referral.name': 'text',
      'referral.contact': 'text',
      'referral.relationship': 'text',
      'referral.note': 'text',
    },
    breakers: [
      breaker('drop', ['referral.name', 'referral.contact'], fc.constant(null)),
      breaker('null', ['referral.name', 'referral.contact'], fc.constant(null)),
      breaker(
        'huge',
        ['referral.name', 'referral.contact', 'referral.relationship', 'referral.note'],
        hugeString,
      ),
      breaker('wrongType', ['referral.name', 'referral.contact'], wrongTypes),
      breaker('junkAll', ['*'], junkValue),
    ],
    metadata: fc.oneof(fc.constant('{"jobId":1}'), junkMetadata),
    handled: true,
  },
  ...[
    'privacy.modal',
    'done.modal',
    'view-id',
    '',
    'PROFILE.MODAL',
    '__proto__',
    'event.modal ',
    'job.referral',
  ].map((callbackId): FormSpec => ({
    callbackId,
    users: USERS,
    base: () => ({}),
    blocks: {},
    breakers: [breaker('junkAll', ['*'], junkValue)],
    metadata: junkMetadata,
    handled: false,
  })),
];

interface ViewInput {
  readonly kind: 'view';
  readonly user: string;
  readonly callbackId: string;
  readonly handled: boolean;
  readonly values: unknown;
  readonly metadata: string;
  readonly mutations: readonly Mutation[];
}

/** What the modal itself would carry, for the first pass. */
const FIRST_METADATA: Record<string, string> = {
  'profile.modal': '{"origin":"command"}',
  'interests.modal': '{"origin":"command"}',
  'event.modal': '{"eventId":null}',
  'job.referral.modal': '{"jobId":1}',
};

/** Every (form, breaker, block): the submissions below go through all of them in turn, payloads drawn at random. */
const VIEW_COMBOS = FORMS.flatMap((form) =>
  form.breakers.flatMap((b) => b.blocks.map((block) => ({ form, op: b.op, block, payload: b.payload }))),
);
const comboLabel = (callbackId: string, op: string, block: string): string => `${callbackId} ${op} ${block}`;
let viewIndex = 0;

const viewInput: fc.Arbitrary<ViewInput> = fc.constant(null).chain(() => {
  const combo = VIEW_COMBOS[viewIndex % VIEW_COMBOS.length];
  // The first pass breaks one field at a time, sent by the member the form is for (so that neither
  // a permission refusal nor a second broken field can hide a field that is not checked); later
  // passes add noise and other senders.
  const firstPass = viewIndex < VIEW_COMBOS.length;
  viewIndex += 1;
  if (combo === undefined) throw new Error('no view combos');
  const { form } = combo;
  const blocks = Object.keys(form.blocks).length > 0 ? Object.keys(form.blocks) : ['x'];
  return fc
    .record({
      user: firstPass ? fc.constant(form.users[0] ?? MEMBER) : fc.constantFrom(...form.users),
      payload: combo.payload,
      noise: fc.array(
        fc.oneof(
          mutation('huge', blocks, hugeString),
          mutation('forge', blocks, junkString),
          mutation(
            'set',
            ['fuzz.extra', 'x', '__proto__', 'constructor'],
            fc.string({ maxLength: 10 }).map((value) => ({ type: 'plain_text_input', value })),
          ),
        ),
        { maxLength: firstPass ? 0 : 2 },
      ),
      metadata: firstPass ? fc.constant(FIRST_METADATA[form.callbackId] ?? '') : form.metadata,
    })
    .map(({ user, payload, noise, metadata }): ViewInput => {
      const broke: Mutation = { op: combo.op, block: combo.block, payload };
      // Noise never touches the block the breaker broke, so it cannot repair it.
      const mutations = [broke, ...noise.filter((m) => m.block !== broke.block)];
      const values = mutations.reduce<unknown>(
        (state, m) => (isRecord(state) ? applyMutation(state as Values, form.blocks, m) : state),
        form.base(),
      );
      return {
        kind: 'view',
        user,
        callbackId: form.callbackId,
        handled: form.handled,
        values,
        metadata,
        mutations,
      };
    });
});

// ---------------------------------------------------------------- button presses

const ACTION_IDS: readonly string[] = Object.values(ACTION);
/** Buttons whose value is not read: pressing one does what it says. Pressed by throwaway members. */
const VALUE_FREE_CHANGES = new Set<string>([ACTION.agree, ACTION.privacyDelete, ACTION.digestOff]);
const garbageValue: fc.Arbitrary<string | null> = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '',
      ' ',
      '-1',
      '0',
      '1.5',
      '1e999',
      'NaN',
      'Infinity',
      '0x10',
      '424242',
      '99999999999999999999',
      '9007199254740993',
      'null',
      'undefined',
      'true',
      '[]',
      '{}',
      '{"asked":"x"}',
      '{"flag":"comeback"}',
      '<!channel>',
      "'; DROP TABLE events; --",
      '../../etc/passwd',
      '__proto__',
      '\u0000',
    ),
  },
  { weight: 1, arbitrary: hugeString },
  { weight: 1, arbitrary: fc.constant(null) },
);
const unknownActionId = fc.oneof(
  fc.string({ minLength: 1, maxLength: 40 }),
  fc.constantFrom(
    '__proto__',
    'constructor',
    'toString',
    'hasOwnProperty',
    'onboarding.agree ',
    'ONBOARDING.AGREE',
    'event.rsvp',
    'job.referral',
    'button',
    'actions',
  ),
);

interface ActionInput {
  readonly kind: 'action';
  readonly user: string;
  readonly actionId: string;
  readonly value: string | null;
  readonly where: 'message' | 'home' | 'modal';
}

const WHERES = ['message', 'home', 'modal'] as const;
/** Every known action id pressed in a message, on the Home tab and in a modal; one press in four has an unknown id. */
const ACTION_COMBOS = ACTION_IDS.flatMap((actionId) => WHERES.map((where) => ({ actionId, where })));
let actionIndex = 0;
let knownIndex = 0;
let throwaway = 0;

const actionInput: fc.Arbitrary<ActionInput> = fc.constant(null).chain(() => {
  actionIndex += 1;
  const unknown = actionIndex % 4 === 0;
  const combo = unknown ? undefined : ACTION_COMBOS[knownIndex % ACTION_COMBOS.length];
  if (!unknown) knownIndex += 1;
  return fc
    .record({
      actionId: combo === undefined ? unknownActionId : fc.constant(combo.actionId),
      where: combo === undefined ? fc.constantFrom(...WHERES) : fc.constant(combo.where),
      value: garbageValue,
      user: fc.constantFrom(...USERS),
    })
    .map((input): ActionInput => {
      if (!VALUE_FREE_CHANGES.has(input.actionId)) return { kind: 'action', ...input };
      throwaway += 1;
      return { kind: 'action', ...input, user: `UFUZZTMP${String(throwaway).padStart(4, '0')}` };
    });
});

// ---------------------------------------------------------------- sending and judging

type Input = CommandInput | ViewInput | ActionInput;

function describeInput(input: Input): string {
  const cut = (text: string): string =>
    text.length > 160 ? `${text.slice(0, 160)}… (${text.length} chars)` : text;
  if (input.kind === 'command') return `${input.surface} ${input.user}: ${JSON.stringify(cut(input.text))}`;
  if (input.kind === 'view')
    return `view ${JSON.stringify(input.callbackId)} by ${input.user}: ${cut(JSON.stringify(input.mutations.map((m) => [m.op, m.block])))} metadata ${JSON.stringify(cut(input.metadata))}`;
  return `action ${JSON.stringify(input.actionId)} in ${input.where} by ${input.user}: value ${JSON.stringify(cut(String(input.value)))}`;
}

/** Which tables differ between two TestBot snapshots, with a row that changed in each. */
function snapshotDiff(before: string, after: string): string {
  const tables = (snapshot: string): Map<string, string[]> =>
    new Map(
      (JSON.parse(snapshot) as [string, unknown[]][]).map(([name, rows]) => [
        name,
        rows.map((row) => JSON.stringify(row)),
      ]),
    );
  const a = tables(before);
  const b = tables(after);
  const changes: string[] = [];
  for (const [name, rows] of b) {
    const old = new Set(a.get(name) ?? []);
    const now = new Set(rows);
    const added = rows.filter((row) => !old.has(row));
    const removed = [...old].filter((row) => !now.has(row));
    if (added.length + removed.length > 0)
      changes.push(
        `${name}: +${added.length} -${removed.length} ${(added[0] ?? removed[0] ?? '').slice(0, 200)}`,
      );
  }
  return changes.join('; ');
}

describe('fault: 1,000 generated bad inputs', () => {
  let tb: TestBot;
  const figures = { commands: 0, views: 0, actions: 0, mustNotChange: 0, http5xx: 0, errorsLogged: 0 };
  let dmCounter = 0;
  let viewCounter = 0;

  beforeAll(async () => {
    tb = await TestBot.start({ now: new Date(NOW).toISOString() });
    for (const user of [MEMBER, ADMIN]) {
      await tb.agree(user);
      // Their activity is recorded now; the clock does not move, so a refusal later cannot hide
      // behind a first "last active" write.
      await tb.command('interests', user);
    }
    await tb.settle();
  });
  afterAll(async () => {
    await tb.stop();
  });

  const agreed = async (user: string): Promise<boolean> =>
    (await tb.bot.services.onboarding.agreementState(user)) === 'agreed';

  /** True when the input must leave the database exactly as it was. */
  async function mustNotChange(input: Input): Promise<boolean> {
    if (input.kind === 'view') return true; // every generated submission is broken on purpose
    if (input.kind === 'action') return !VALUE_FREE_CHANGES.has(input.actionId);
    const text = input.surface === 'dm' ? input.text.replace(/^\s*\/?alumni\b/i, '') : input.text;
    const parsed = parseCommand(text);
    if (!parsed.ok) return true;
    const { command } = parsed;
    if (command.verb !== 'help' && command.verb !== 'privacy' && !(await agreed(input.user))) return true;
    const isAdmin = input.user === ADMIN;
    // Read as plain strings, so that a sub-verb added to the parser later does not break this list.
    const verb: string = command.verb;
    const action: string = 'action' in command ? command.action : '';
    const mayChange =
      (verb === 'interests' && action !== 'list') ||
      (verb === 'digest' && (action === 'weekly' || action === 'daily' || action === 'off')) ||
      (verb === 'intros' && (action === 'on' || action === 'off' || action === 'snooze')) ||
      (verb === 'mentor' && action !== 'status') ||
      (isAdmin &&
        (verb === 'role' ||
          (verb === 'digest' && action === 'send') ||
          (verb === 'job' && action === 'contacts')));
    return !mayChange;
  }

  /** Sends one input; resolves with a check to run once the bot has settled. */
  async function send(input: Input): Promise<() => string | undefined> {
    let response: SignedResponse;
    if (input.kind === 'command' && input.surface === 'slash') {
      const { body, responseUrl, triggerId } = slashBody(tb.fake, input.user, input.text);
      response = await tb.post(body, 'application/x-www-form-urlencoded');
      return () => {
        if (response.status !== 200) return `HTTP ${response.status}`;
        const ack = isRecord(response.json) ? response.json : undefined;
        const path = new URL(responseUrl).pathname;
        const later = tb.fake.responses.filter((r) => r.path === path).map((r) => r.body);
        const bodies = [...(ack === undefined ? [] : [ack]), ...later];
        if (bodies.some((b) => b.response_type !== 'ephemeral'))
          return `a reply that is not ephemeral: ${JSON.stringify(bodies).slice(0, 300)}`;
        const said = bodies.some(
          (b) => visibleText(b).trim() !== '' && typeof b.text === 'string' && b.text.trim() !== '',
        );
        const opened = tb.fake.callsTo('views.open').some((c) => c.args.trigger_id === triggerId);
        return said || opened ? undefined : 'no ephemeral answer and no modal';
      };
    }
    if (input.kind === 'command') {
      dmCounter += 1;
      const channel = `DFUZZ${String(dmCounter).padStart(5, '0')}`;
      response = await tb.post(
        eventEnvelope(dmEvent(input.user, input.text, channel), `EvFuzz${dmCounter}`),
        'application/json',
      );
      return () => {
        if (response.status !== 200) return `HTTP ${response.status}`;
        const replies = tb.fake.callsTo('chat.postMessage').filter((c) => c.args.channel === channel);
        return replies.some((c) => typeof c.args.text === 'string' && c.args.text.trim() !== '')
          ? undefined
          : 'no reply in the DM';
      };
    }
    if (input.kind === 'view') {
      response = await tb.post(
        viewBody(input.user, input.callbackId, input.values, input.metadata),
        'application/x-www-form-urlencoded',
      );
      return () => {
        if (response.status !== 200) return `HTTP ${response.status}`;
        if (!input.handled) return undefined;
        const ack = isRecord(response.json) ? response.json : {};
        if (ack.response_action === 'errors')
          return isRecord(ack.errors) && Object.keys(ack.errors).length > 0
            ? undefined
            : 'errors without any field';
        if (ack.response_action === 'update')
          return isRecord(ack.view) && visibleText(ack.view).trim() !== ''
            ? undefined
            : 'update without a view';
        return `accepted a broken submission (ack ${response.text.slice(0, 200) || 'empty'}; state ${JSON.stringify(input.values).slice(0, 300)})`;
      };
    }
    const payload: Json = {
      ...actionFixture,
      user: { ...actionFixture.user, id: input.user },
      trigger_id: `trig-fuzz-${input.user}-${Date.now()}`,
      actions: [
        {
          ...actionFixture.actions[0],
          action_id: input.actionId,
          ...(input.value === null ? { value: undefined } : { value: input.value }),
        },
      ],
    };
    if (input.where === 'message') payload.response_url = tb.fake.responseUrl();
    else {
      delete payload.message;
      delete payload.channel;
      delete payload.response_url;
      // A view of its own per press: two presses on one view with the same hash would be a
      // double click, which Slack answers with hash_conflict (a different fault).
      viewCounter += 1;
      const viewId = `VFUZZ${String(viewCounter).padStart(5, '0')}`;
      payload.container = { type: 'view', view_id: viewId };
      payload.view = {
        ...viewFixture.view,
        id: viewId,
        type: input.where,
        callback_id: input.where === 'home' ? '' : 'privacy.modal',
      };
    }
    response = await tb.post(interactivityBody(payload), 'application/x-www-form-urlencoded');
    return () => (response.status === 200 ? undefined : `HTTP ${response.status}`);
  }

  /** One batch: inputs that must not change anything first (all at once), then the others. */
  async function runBatch(inputs: readonly Input[]): Promise<void> {
    const unchanging = await Promise.all(inputs.map(mustNotChange));
    const fixed = inputs.filter((_, index) => unchanging[index]);
    const free = inputs.filter((input) => !fixed.includes(input));
    const logStart = tb.logs.length;
    const violationsStart = tb.fake.violations.length;
    await tb.settle();
    const before = await tb.snapshot();
    const checksFixed = await Promise.all(fixed.map(async (input) => ({ input, check: await send(input) })));
    await tb.settle();
    const after = await tb.snapshot();
    const changed = after !== before;
    const checksFree = await Promise.all(free.map(async (input) => ({ input, check: await send(input) })));
    await tb.settle();

    const problems: string[] = [];
    if (changed)
      problems.push(
        `the database changed (${snapshotDiff(before, after)}), though every one of these inputs is invalid or refused:\n    ${fixed.map(describeInput).join('\n    ')}`,
      );
    for (const { input, check } of [...checksFixed, ...checksFree]) {
      const problem = check();
      if (problem === undefined) continue;
      if (problem.startsWith('HTTP 5')) figures.http5xx += 1;
      problems.push(`${problem}: ${describeInput(input)}`);
    }
    const errors = tb.logs.slice(logStart).filter((line) => / ERROR \[/.test(line));
    figures.errorsLogged += errors.length;
    if (errors.length > 0)
      problems.push(
        `errors logged:\n    ${errors.map((l) => l.slice(0, 400)).join('\n    ')}\n  for the batch:\n    ${inputs.map(describeInput).join('\n    ')}`,
      );
    const violations = tb.fake.violations.slice(violationsStart);
    if (violations.length > 0)
      problems.push(
        `requests Slack would reject: ${violations.join('; ').slice(0, 1000)}\n  for the batch:\n    ${inputs.map(describeInput).join('\n    ')}`,
      );
    figures.mustNotChange += fixed.length;
    for (const input of inputs) {
      if (input.kind === 'command') figures.commands += 1;
      else if (input.kind === 'view') figures.views += 1;
      else figures.actions += 1;
    }
    if (problems.length > 0) throw new Error(problems.join('\n'));
  }

  const property = <T extends Input>(arbitrary: fc.Arbitrary<T>) =>
    fc.asyncProperty(fc.array(arbitrary, { minLength: BATCH, maxLength: BATCH }), (batch) => runBatch(batch));

  it(`${RUNS.commands * BATCH} command texts, by slash command and DM: each answered, nothing changed where invalid`, async () => {
    const prefixes = new Set<string>();
    await fc.assert(
      property(
        commandInput.map((input) => {
          prefixes.add(input.prefix);
          return input;
        }),
      ),
      { numRuns: RUNS.commands, seed: SEEDS.commands, endOnFailure: true },
    );
    expect(VERBS.filter((verb) => !prefixes.has(verb))).toEqual([]);
    // Every verb the parser knows is in VERBS (so it was fuzzed above).
    const fuzzed = new Set(VERBS.map((verb) => verb.split(' ')[0]));
    expect(parserVerbs().length).toBeGreaterThan(10);
    expect(parserVerbs().filter((verb) => !fuzzed.has(verb))).toEqual([]);
  });

  it(`${RUNS.views * BATCH} broken modal submissions for every callback id: 200 with field errors or an explanation, nothing saved`, async () => {
    const covered = new Set<string>();
    await fc.assert(
      property(
        viewInput.map((input) => {
          const first = input.mutations[0];
          if (first !== undefined) covered.add(comboLabel(input.callbackId, first.op, first.block));
          return input;
        }),
      ),
      { numRuns: RUNS.views, seed: SEEDS.views, endOnFailure: true },
    );
    // Every callback id, with every way of breaking each of its fields.
    expect(
      VIEW_COMBOS.map((c) => comboLabel(c.form.callbackId, c.op, c.block)).filter(
        (label) => !covered.has(label),
      ),
    ).toEqual([]);
  });

  it(`${RUNS.actions * BATCH} button presses with unknown ids or garbage values: acknowledged, nothing changed`, async () => {
    const covered = new Set<string>();
    await fc.assert(
      property(
        actionInput.map((input) => {
          covered.add(`${input.actionId} ${input.where}`);
          return input;
        }),
      ),
      { numRuns: RUNS.actions, seed: SEEDS.actions, endOnFailure: true },
    );
    // Every known action id, in a message, on the Home tab and in a modal.
    expect(
      ACTION_COMBOS.map((c) => `${c.actionId} ${c.where}`).filter((label) => !covered.has(label)),
    ).toEqual([]);
  });

  it('afterwards the bot is healthy, nothing Slack would reject was sent, and a scheduler tick runs cleanly', async () => {
    const health = await fetch(`${tb.baseUrl}/healthz`);
    expect(health.status).toBe(200);
    const tick = await tb.tick();
    expect(tick.plannerFailures).toEqual([]);
    expect(tick.failed).toBe(0);
    expect(tb.fake.violations).toEqual([]);
    expect(figures.commands + figures.views + figures.actions).toBeGreaterThanOrEqual(1000);
    expect(figures.http5xx).toBe(0);
    expect(figures.errorsLogged).toBe(0);
    recordFigures('badInputs', { ...figures, total: figures.commands + figures.views + figures.actions });
  });
});
