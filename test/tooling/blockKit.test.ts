import * as fs from 'fs';
import * as path from 'path';
import { checkBlockKit } from '../support/blockKit';

type Json = Record<string, unknown>;

const plain = (text: string) => ({ type: 'plain_text', text });
const mrkdwn = (text: string) => ({ type: 'mrkdwn', text });
const option = (text: string, value: string) => ({ text: plain(text), value });
const button = (text: string, actionId: string, extra: Json = {}) => ({
  type: 'button',
  text: plain(text),
  action_id: actionId,
  ...extra,
});
const x = (n: number) => 'x'.repeat(n);

function loadView(name: string): Json {
  const file = path.join(__dirname, '..', 'fixtures', 'views', name);
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Json;
}

/** The single violation for `payload`, failing loudly if there are none or several. */
function only(violations: string[]): string {
  expect(violations).toHaveLength(1);
  return violations[0] ?? '';
}

describe('checkBlockKit: good payloads', () => {
  it('accepts a plain text message and a message with blocks and fallback text', () => {
    expect(checkBlockKit('message', { channel: 'U1', text: 'Welcome to the alumni community!' })).toEqual([]);
    expect(
      checkBlockKit('message', {
        channel: 'U1',
        text: 'Welcome! Please read the code of conduct.',
        blocks: [
          { type: 'header', text: plain('Welcome back') },
          { type: 'section', block_id: 'intro', text: mrkdwn('*Homecoming* keeps alumni in touch.') },
          { type: 'divider' },
          {
            type: 'section',
            fields: [mrkdwn('*Years*\n2015–2021'), mrkdwn('*Now*\nDesigner')],
            accessory: {
              type: 'overflow',
              action_id: 'more',
              options: [option('Edit profile', 'edit'), option('Privacy', 'privacy')],
            },
          },
          {
            type: 'actions',
            block_id: 'consent',
            elements: [
              button('I agree', 'agree', {
                style: 'primary',
                value: 'v1',
                confirm: {
                  title: plain('Join?'),
                  text: mrkdwn('You accept the code of conduct.'),
                  confirm: plain('Join'),
                  deny: plain('Not now'),
                },
              }),
              button('Read it', 'read', { url: 'https://example.com/coc' }),
            ],
          },
          { type: 'context', elements: [mrkdwn('You can leave at any time.')] },
        ],
      }),
    ).toEqual([]);
  });

  it('accepts a slash-command reply body', () => {
    expect(
      checkBlockKit('message', {
        response_type: 'ephemeral',
        text: 'Your profile',
        blocks: [{ type: 'section', text: mrkdwn('*Location:* Tokyo') }],
      }),
    ).toEqual([]);
  });

  it('accepts blocks sent as a JSON string (form-encoded calls)', () => {
    expect(
      checkBlockKit('message', {
        text: 'hi',
        blocks: JSON.stringify([{ type: 'section', text: plain('hi') }]),
      }),
    ).toEqual([]);
  });

  it('accepts a modal with inputs and a Home tab', () => {
    const modal = {
      type: 'modal',
      callback_id: 'profile_edit',
      private_metadata: JSON.stringify({ memberId: 42 }),
      title: plain('Your profile'),
      submit: plain('Save'),
      close: plain('Cancel'),
      blocks: [
        {
          type: 'input',
          block_id: 'role',
          label: plain('Current role'),
          hint: plain('Shown to other alumni'),
          element: { type: 'plain_text_input', action_id: 'value', placeholder: plain('e.g. Designer') },
        },
        {
          type: 'input',
          block_id: 'open_to',
          optional: true,
          label: plain('Open to'),
          element: {
            type: 'checkboxes',
            action_id: 'value',
            options: [
              { text: mrkdwn('*Mentoring*'), value: 'mentoring' },
              { text: plain('Referrals'), value: 'referrals' },
            ],
          },
        },
        {
          type: 'input',
          block_id: 'visibility',
          label: plain('Who can see this'),
          element: {
            type: 'static_select',
            action_id: 'value',
            options: [option('Everyone', 'all'), option('Organizers only', 'organizers')],
            initial_option: option('Everyone', 'all'),
          },
        },
      ],
    };
    expect(checkBlockKit('modal', modal)).toEqual([]);
    expect(
      checkBlockKit('home', {
        type: 'home',
        blocks: [
          { type: 'header', text: plain('Homecoming') },
          { type: 'actions', elements: [button('Edit profile', 'edit'), button('Find people', 'find')] },
        ],
      }),
    ).toEqual([]);
  });

  it.each(['view_home_001.json', 'view_modal_001.json', 'view_modal_007.json'])(
    'accepts the python-slack-sdk view %s',
    (name) => {
      const view = loadView(name);
      expect(checkBlockKit(view.type === 'home' ? 'home' : 'modal', view)).toEqual([]);
    },
  );
});

describe('checkBlockKit: violations', () => {
  const section = (text: string) => ({ type: 'section', text: mrkdwn(text) });

  it('limits the number of blocks per surface', () => {
    const blocks50 = Array.from({ length: 50 }, () => ({ type: 'divider' }));
    expect(checkBlockKit('message', { text: 't', blocks: blocks50 })).toEqual([]);
    expect(only(checkBlockKit('message', { text: 't', blocks: [...blocks50, { type: 'divider' }] }))).toBe(
      'blocks: 51 > 50 items',
    );
    const blocks101 = Array.from({ length: 101 }, () => ({ type: 'divider' }));
    expect(checkBlockKit('home', { type: 'home', blocks: blocks101.slice(1) })).toEqual([]);
    expect(only(checkBlockKit('home', { type: 'home', blocks: blocks101 }))).toBe('blocks: 101 > 100 items');
    expect(only(checkBlockKit('modal', { type: 'modal', title: plain('t'), blocks: blocks101 }))).toBe(
      'blocks: 101 > 100 items',
    );
  });

  it('requires top-level text when a message has blocks', () => {
    expect(only(checkBlockKit('message', { blocks: [section('hi')] }))).toMatch(
      /^text: a message with blocks/,
    );
    expect(only(checkBlockKit('message', { text: '  ', blocks: [section('hi')] }))).toMatch(/^text: /);
  });

  it('limits message text to 40,000 chars', () => {
    expect(only(checkBlockKit('message', { text: x(40001) }))).toBe('text: 40001 > 40000 chars');
  });

  it('limits section text and fields', () => {
    expect(only(checkBlockKit('message', { text: 't', blocks: [section(x(3001))] }))).toBe(
      'blocks[0].text: 3001 > 3000 chars',
    );
    const fields = Array.from({ length: 11 }, () => mrkdwn('f'));
    expect(only(checkBlockKit('message', { text: 't', blocks: [{ type: 'section', fields }] }))).toBe(
      'blocks[0].fields: 11 > 10 items',
    );
    expect(
      only(checkBlockKit('message', { text: 't', blocks: [{ type: 'section', fields: [mrkdwn(x(2001))] }] })),
    ).toBe('blocks[0].fields[0]: 2001 > 2000 chars');
    expect(only(checkBlockKit('message', { text: 't', blocks: [{ type: 'section' }] }))).toBe(
      'blocks[0]: section needs "text" or "fields"',
    );
  });

  it('limits header text and requires plain_text', () => {
    expect(
      only(checkBlockKit('message', { text: 't', blocks: [{ type: 'header', text: plain(x(151)) }] })),
    ).toBe('blocks[0].text: 151 > 150 chars');
    expect(
      only(checkBlockKit('message', { text: 't', blocks: [{ type: 'header', text: mrkdwn('*hi*') }] })),
    ).toBe('blocks[0].text.type: must be "plain_text"');
  });

  it('limits context and actions elements', () => {
    const context = { type: 'context', elements: Array.from({ length: 11 }, () => mrkdwn('c')) };
    expect(only(checkBlockKit('message', { text: 't', blocks: [context] }))).toBe(
      'blocks[0].elements: 11 > 10 items',
    );
    const actions = { type: 'actions', elements: Array.from({ length: 26 }, (_, i) => button('b', `a${i}`)) };
    expect(only(checkBlockKit('message', { text: 't', blocks: [actions] }))).toBe(
      'blocks[0].elements: 26 > 25 items',
    );
  });

  it('limits button text, value and url and requires plain_text', () => {
    const blocks = [
      section('s'),
      section('s'),
      section('s'),
      {
        type: 'actions',
        elements: [
          button('ok', 'a'),
          button(x(80), 'b'),
          button('v', 'c', { value: x(2001) }),
          button('u', 'd', { url: `https://example.com/${x(3000)}` }),
          { type: 'button', text: mrkdwn('*bold*'), action_id: 'e' },
        ],
      },
    ];
    expect(checkBlockKit('message', { text: 't', blocks })).toEqual([
      'blocks[3].elements[1].text: 80 > 75 chars',
      'blocks[3].elements[2].value: 2001 > 2000 chars',
      'blocks[3].elements[3].url: 3020 > 3000 chars',
      'blocks[3].elements[4].text.type: must be "plain_text"',
    ]);
  });

  it('limits action_id, block_id and callback_id to 255 chars', () => {
    expect(
      checkBlockKit('message', {
        text: 't',
        blocks: [{ type: 'actions', block_id: x(256), elements: [button('b', x(256))] }],
      }),
    ).toEqual(['blocks[0].block_id: 256 > 255 chars', 'blocks[0].elements[0].action_id: 256 > 255 chars']);
    expect(
      only(checkBlockKit('modal', { type: 'modal', callback_id: x(256), title: plain('t'), blocks: [] })),
    ).toBe('callback_id: 256 > 255 chars');
  });

  it('requires block_id unique within the surface and action_id unique within its block', () => {
    expect(
      only(
        checkBlockKit('message', {
          text: 't',
          blocks: [
            { type: 'section', block_id: 'b1', text: plain('one') },
            { type: 'section', block_id: 'b1', text: plain('two') },
          ],
        }),
      ),
    ).toBe('blocks[1].block_id: "b1" is already used by blocks[0]');
    expect(
      only(
        checkBlockKit('message', {
          text: 't',
          blocks: [{ type: 'actions', elements: [button('a', 'same'), button('b', 'same')] }],
        }),
      ),
    ).toBe('blocks[0].elements[1].action_id: "same" is already used in this block (blocks[0].elements[0])');
    // The same action_id in two different blocks is fine.
    expect(
      checkBlockKit('message', {
        text: 't',
        blocks: [
          { type: 'actions', elements: [button('a', 'same')] },
          { type: 'actions', elements: [button('b', 'same')] },
        ],
      }),
    ).toEqual([]);
  });

  it('checks modal title, submit, close and private_metadata', () => {
    const base = { type: 'modal', blocks: [section('s')] };
    expect(only(checkBlockKit('modal', base))).toBe('title: required');
    expect(
      checkBlockKit('modal', {
        ...base,
        title: plain(x(25)),
        submit: plain(x(25)),
        close: plain(x(25)),
        private_metadata: x(3001),
      }),
    ).toEqual([
      'private_metadata: 3001 > 3000 chars',
      'title: 25 > 24 chars',
      'submit: 25 > 24 chars',
      'close: 25 > 24 chars',
    ]);
    expect(only(checkBlockKit('modal', { ...base, title: mrkdwn('*t*') }))).toBe(
      'title.type: must be "plain_text"',
    );
    expect(only(checkBlockKit('modal', { ...base, type: 'home', title: plain('t') }))).toBe(
      'type: must be "modal", got "home"',
    );
  });

  it('requires submit on a modal with inputs', () => {
    const input = {
      type: 'input',
      label: plain('Name'),
      element: { type: 'plain_text_input', action_id: 'v' },
    };
    expect(only(checkBlockKit('modal', { type: 'modal', title: plain('t'), blocks: [input] }))).toBe(
      'submit: required when the modal has input blocks',
    );
  });

  it('checks input label, hint and plain_text_input placeholder', () => {
    const view = (input: Json) => ({
      type: 'modal',
      title: plain('t'),
      submit: plain('Save'),
      blocks: [input],
    });
    const element = { type: 'plain_text_input', action_id: 'v' };
    expect(only(checkBlockKit('modal', view({ type: 'input', label: plain(x(2001)), element })))).toBe(
      'blocks[0].label: 2001 > 2000 chars',
    );
    expect(
      only(checkBlockKit('modal', view({ type: 'input', label: plain('l'), hint: plain(x(2001)), element }))),
    ).toBe('blocks[0].hint: 2001 > 2000 chars');
    expect(only(checkBlockKit('modal', view({ type: 'input', label: mrkdwn('l'), element })))).toBe(
      'blocks[0].label.type: must be "plain_text"',
    );
    expect(
      only(
        checkBlockKit(
          'modal',
          view({ type: 'input', label: plain('l'), element: { ...element, placeholder: plain(x(151)) } }),
        ),
      ),
    ).toBe('blocks[0].element.placeholder: 151 > 150 chars');
    expect(only(checkBlockKit('modal', view({ type: 'input', label: plain('l') })))).toBe(
      'blocks[0].element: required',
    );
  });

  it('limits options of selects, overflow menus, checkboxes and radio buttons', () => {
    const options = (n: number) => Array.from({ length: n }, (_, i) => option(`o${i}`, `v${i}`));
    const inActions = (element: Json) => ({
      text: 't',
      blocks: [{ type: 'actions', elements: [{ action_id: 'a', ...element }] }],
    });
    expect(only(checkBlockKit('message', inActions({ type: 'static_select', options: options(101) })))).toBe(
      'blocks[0].elements[0].options: 101 > 100 items',
    );
    expect(
      only(checkBlockKit('message', inActions({ type: 'multi_static_select', options: options(101) }))),
    ).toBe('blocks[0].elements[0].options: 101 > 100 items');
    expect(only(checkBlockKit('message', inActions({ type: 'overflow', options: options(6) })))).toBe(
      'blocks[0].elements[0].options: 6 > 5 items',
    );
    expect(only(checkBlockKit('message', inActions({ type: 'checkboxes', options: options(11) })))).toBe(
      'blocks[0].elements[0].options: 11 > 10 items',
    );
    expect(only(checkBlockKit('message', inActions({ type: 'radio_buttons', options: options(11) })))).toBe(
      'blocks[0].elements[0].options: 11 > 10 items',
    );
    expect(
      checkBlockKit('message', inActions({ type: 'static_select', options: [option(x(76), x(151))] })),
    ).toEqual([
      'blocks[0].elements[0].options[0].text: 76 > 75 chars',
      'blocks[0].elements[0].options[0].value: 151 > 150 chars',
    ]);
    expect(
      only(
        checkBlockKit(
          'message',
          inActions({ type: 'static_select', options: [{ text: mrkdwn('o'), value: 'v' }] }),
        ),
      ),
    ).toBe('blocks[0].elements[0].options[0].text.type: must be "plain_text"');
  });

  it('checks confirmation dialogs', () => {
    const confirm = {
      title: plain(x(101)),
      text: mrkdwn(x(301)),
      confirm: plain(x(31)),
      deny: plain(x(31)),
    };
    expect(
      checkBlockKit('message', {
        text: 't',
        blocks: [{ type: 'actions', elements: [button('b', 'a', { confirm })] }],
      }),
    ).toEqual([
      'blocks[0].elements[0].confirm.title: 101 > 100 chars',
      'blocks[0].elements[0].confirm.text: 301 > 300 chars',
      'blocks[0].elements[0].confirm.confirm: 31 > 30 chars',
      'blocks[0].elements[0].confirm.deny: 31 > 30 chars',
    ]);
  });

  it('requires well-formed text objects', () => {
    expect(
      checkBlockKit('message', {
        text: 't',
        blocks: [
          { type: 'section', text: { type: 'markdown', text: 'hi' } },
          { type: 'section', text: plain('') },
          { type: 'section', text: 'just a string' },
          { type: 'context', elements: [{ type: 'mrkdwn' }] },
        ],
      }),
    ).toEqual([
      'blocks[0].text.type: must be "plain_text" or "mrkdwn", got "markdown"',
      'blocks[1].text.text: must not be empty',
      'blocks[2].text: must be a text object ({ type, text })',
      'blocks[3].elements[0].text: required',
    ]);
  });

  it('rejects unknown block types', () => {
    expect(
      only(checkBlockKit('message', { text: 't', blocks: [{ type: 'sectoin', text: plain('hi') }] })),
    ).toBe('blocks[0].type: unknown block type "sectoin"');
  });

  it('walks section accessories and input elements', () => {
    expect(
      only(
        checkBlockKit('message', {
          text: 't',
          blocks: [{ type: 'section', text: plain('s'), accessory: button(x(76), 'a') }],
        }),
      ),
    ).toBe('blocks[0].accessory.text: 76 > 75 chars');
    expect(
      only(
        checkBlockKit('modal', {
          type: 'modal',
          title: plain('t'),
          submit: plain('Save'),
          blocks: [
            {
              type: 'input',
              label: plain('Pick'),
              element: { type: 'radio_buttons', action_id: 'v', options: [option('a', x(151))] },
            },
          ],
        }),
      ),
    ).toBe('blocks[0].element.options[0].value: 151 > 150 chars');
  });
});
