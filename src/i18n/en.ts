/**
 * The English message catalogue. ja.ts must have exactly the same shape (the compiler checks it);
 * every string a member can see lives here, never in listeners or views.
 */
export const en = {
  languageName: 'English',
  roleName: { admin: 'admin', organizer: 'organizer', hr: 'HR' },
  openTo: {
    comeback: 'Coming back',
    referrals: 'Referrals',
    mentoring: 'Mentoring',
    collaboration: 'Collaboration',
    speaking: 'Speaking',
  },
  visibility: {
    all: 'All alumni',
    staff: 'Admins and HR only',
    nobody: 'Nobody',
  },
  common: {
    error: (ref: string) =>
      `Sorry, something went wrong on our side and nothing was changed. Please try again in a minute. (ref ${ref})`,
    permissionDenied: (roles: string) => `Only members with the ${roles} role can do that. Ask an admin if you need it.`,
    or: ' or ',
    none: '—',
    close: 'Close',
    cancel: 'Cancel',
    save: 'Save',
  },
  help: {
    title: 'Homecoming: what you can do',
    intro: 'Type these after `/alumni`, or send them to me in a direct message without the slash.',
    member: [
      '`profile`: edit your profile (years at the company, current role, location, bio, what you are open to, who can see it)',
      '`interests`: list your interests · `interests add design, python` · `interests remove python`',
      '`find <interest or text>`: find alumni who share an interest, e.g. `find product management`',
      '`privacy export`: get all the data we store about you · `privacy delete`: erase it',
      '`help`: this list',
    ],
    admin: [
      '`roles`: who is an admin, organizer or HR',
      '`role add @someone organizer|hr|admin` · `role remove @someone organizer|hr|admin`',
    ],
    adminHeading: 'As an admin you can also',
    yourRoles: (roles: string) => `Your roles: ${roles}.`,
  },
  unknownCommand: (word: string) => `I don't know the command “${word}”. Here is what I understand:`,
  onboarding: {
    welcomeTitle: (community: string) => `Welcome to ${community}!`,
    welcomeText: (community: string) => `Welcome to ${community}! Please read our purpose and code of conduct.`,
    purpose: 'Why we are here',
    eligibility: 'Who may join',
    conduct: 'Code of conduct',
    agreeButton: 'I agree',
    profileButton: 'Set up my profile',
    agreePrompt: 'By pressing “I agree” you accept the code of conduct above.',
    agreed: (date: string) => `Thank you! You agreed to the code of conduct on ${date}. Next, tell others a little about yourself.`,
    agreedText: 'Thank you for agreeing to the code of conduct.',
    mustAgreeFirst:
      'Before you use Homecoming, please read the community guidelines below and press “I agree”. Then run your command again.',
    versionChanged: 'The community guidelines have changed since you last agreed. Please read them and agree again.',
  },
  profile: {
    modalTitle: 'Your profile',
    savedTitle: 'Profile saved',
    saved: 'Your profile is saved. You can change it any time with `/alumni profile` or from the Home tab.',
    displayName: 'Display name',
    displayNamePlaceholder: 'How alumni should call you',
    yearsFrom: 'Joined the company (year)',
    yearsTo: 'Left the company (year)',
    yearPlaceholder: 'e.g. 2016',
    company: 'Current company',
    title: 'Current title',
    location: 'Location',
    locationPlaceholder: 'City, country',
    bio: 'Short bio',
    bioPlaceholder: 'What you do now, what you could help with',
    interests: 'Interests',
    interestsHint: 'Separate with commas, e.g. product management, python, tennis (at most 30).',
    openTo: 'Open to',
    visibilityLabel: 'Who can see your profile',
    visibilityHint: '“Nobody” keeps you out of search results altogether.',
    errors: {
      yearNotNumber: 'Enter a four-digit year, such as 2016.',
      yearRange: (min: number, max: number) => `Enter a year between ${min} and ${max}.`,
      yearsOrder: 'The year you left cannot be before the year you joined.',
      invalidChoice: 'Choose one of the options shown.',
      tooLong: (max: number) => `Please keep this under ${max} characters.`,
    },
    summaryYears: (from: string, to: string) => `At the company ${from}–${to}`,
    summaryNow: (what: string) => `Now: ${what}`,
    at: ' at ',
    empty: 'You have not filled in your profile yet.',
  },
  interests: {
    list: (tags: string) => `Your interests: ${tags}`,
    none: 'You have no interests yet. Add some with `/alumni interests add design, python`.',
    added: (tags: string, count: number) => `Added: ${tags}. You now have ${count} interests.`,
    nothingNew: (tags: string) => `You already had: ${tags}. Nothing changed.`,
    removed: (tags: string) => `Removed: ${tags}.`,
    notFound: (tags: string) => `You did not have: ${tags}. Nothing changed.`,
    usage: 'Use `/alumni interests` to list, `/alumni interests add design, python` to add, `/alumni interests remove python` to remove.',
    errors: {
      empty: 'Tell me which interests, separated by commas, e.g. `/alumni interests add design, python`. Nothing was saved.',
      tooLong: (tag: string, max: number) =>
        `“${tag}” is longer than ${max} characters. Use a shorter tag. Nothing was saved.`,
      tooMany: (count: number, max: number) =>
        `That would give you ${count} interests; the limit is ${max}. Remove some first with \`/alumni interests remove …\`. Nothing was saved.`,
    },
    modalTitle: 'Your interests',
    modalLabel: 'Interests',
  },
  find: {
    usage: 'Tell me what to look for, e.g. `/alumni find product management` or `/alumni find Osaka`.',
    tooLong: (max: number) => `That search is longer than ${max} characters. Try one interest or a word. `,
    none: (query: string) =>
      `Nobody matches “${query}” yet. Try a broader interest, or add it to your own interests so others find you.`,
    header: (query: string, count: number) => `Alumni matching “${query}” (${count}):`,
    shared: (tags: string) => `shared: ${tags}`,
    more: (shown: number) => `Showing the best ${shown}. Narrow your search to see others.`,
  },
  privacy: {
    usage: 'Use `/alumni privacy export` to get your data or `/alumni privacy delete` to erase it.',
    modalTitle: 'Your data',
    explain:
      'Homecoming stores your profile, interests, what you are open to, your roles, your agreement to the code of conduct and your language. You can get a copy or erase it all.',
    exportButton: 'Export my data',
    deleteButton: 'Delete my data',
    exportPreparing: 'Preparing your data export; it will arrive in a direct message in a moment.',
    exportComment: 'Here is every piece of data Homecoming stores about you, as JSON.',
    exportSent: 'Your data export is in your direct messages with me.',
    deleteConfirmText:
      'This erases your profile, interests, roles and agreement from Homecoming. It cannot be undone. Are you sure?',
    deleteConfirmTitle: 'Erase your data?',
    deleteConfirmButton: 'Erase everything',
    deleteCancelButton: 'Keep my data',
    deleteAsk: 'Do you want to erase all your data from Homecoming? Press the button to confirm.',
    deleted:
      'Done: everything Homecoming stored about you has been erased. If you use the bot again you will start afresh.',
    nothingStored: 'Homecoming stores nothing about you.',
  },
  roles: {
    usage:
      'Use `/alumni role add @someone organizer`, `/alumni role remove @someone hr` or `/alumni roles`. Roles: admin, organizer, hr.',
    badUser: 'Mention the member with @, e.g. `/alumni role add @aiko organizer`.',
    badRole: (given: string) => `“${given}” is not a role. Use admin, organizer or hr.`,
    granted: (user: string, role: string) => `${user} is now ${role}.`,
    alreadyHad: (user: string, role: string) => `${user} already has the ${role} role. Nothing changed.`,
    revoked: (user: string, role: string) => `${user} no longer has the ${role} role.`,
    didNotHave: (user: string, role: string) => `${user} did not have the ${role} role. Nothing changed.`,
    configuredAdmin: (user: string) =>
      `${user} is an admin through the ADMIN_USER_IDS setting; change that setting to remove them.`,
    listHeader: 'Roles in this community',
    listLine: (role: string, users: string) => `*${role}*: ${users}`,
    fromSettings: '(from settings)',
    nobody: 'nobody yet',
  },
  home: {
    greeting: (name: string) => `Welcome back, ${name}`,
    greetingAnon: 'Welcome to Homecoming',
    profileHeading: 'Your profile',
    interestsHeading: 'Your interests',
    openToHeading: 'Open to',
    visibilityLine: (who: string) => `Visible to: ${who}`,
    editProfile: 'Edit profile',
    editInterests: 'Edit interests',
    privacy: 'Privacy',
    manage: (roles: string) => `You are ${roles}. Type \`/alumni help\` to see what you can manage.`,
    notAgreed: 'Before you start, please read the community guidelines and agree to them.',
    hint: 'Tip: `/alumni find <interest>` finds alumni who share your interests.',
  },
  dm: {
    notUnderstood: 'I did not understand that. Send `help` to see what I can do.',
  },
} as const;

type Widen<T> = T extends string
  ? string
  : T extends (...args: infer A) => string
    ? (...args: A) => string
    : T extends readonly string[]
      ? readonly string[]
      : { readonly [K in keyof T]: Widen<T[K]> };

/** The shape every language's catalogue must have. */
export type Catalogue = Widen<typeof en>;
