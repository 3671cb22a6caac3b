/**
 * The English message catalogue. ja.ts must have exactly the same shape (the compiler checks it);
 * every string a member can see lives here, never in listeners or views.
 */
/** "1 place", "2 places": English counts with a proper plural. */
function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

export const en = {
  languageName: 'English',
  roleName: { admin: 'admin', organizer: 'organizer', hr: 'HR', supporter: 'supporter' },
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
    permissionDenied: (roles: string) =>
      `Only members with the ${roles} role can do that. Ask an admin if you need it.`,
    or: ' or ',
    notAMention: (given: string) => `${given} is not a mention: pick the person from Slack's @ list.`,
    channelRefused: {
      not_member: 'You can post only in a channel you are a member of. Join it first, or choose another one.',
      unreadable:
        'I cannot see that channel. If it is private, invite me first (`/invite @Homecoming`), then try again.',
      unavailable: 'I could not check that channel with Slack just now. Please try again in a moment.',
    },
    none: '—',
    close: 'Close',
    cancel: 'Cancel',
    save: 'Save',
    pageShowing: (from: number, to: number, total: number) => `Showing ${from}–${to} of ${total}.`,
    pagePrevious: 'Previous',
    pageMore: (from: number, to: number) => `More (${from}–${to})`,
    pageInvalid: (again: string) =>
      `That button is out of date or was not made by Homecoming, so nothing was shown. ${again}`,
    pageGone: (again: string) =>
      `The list has changed since that page was shown and has nothing more from there. ${again}`,
    pageAgainCommand: (command: string) => `Run \`${command}\` to see it from the start.`,
    pageAgainHome: 'Open the Home tab again to see it from the start.',
    confirm: 'Confirm',
    keep: 'Keep',
    kept: 'Kept: nothing was changed.',
  },
  help: {
    title: 'Homecoming: what you can do',
    intro: 'Type these after `/alumni`, or send them to me in a direct message without the slash.',
    staffHeading: 'As an organizer or HR you can also',
    adminHeading: 'As an admin you can also',
    lines: {
      profile:
        '`profile`: edit your profile (years at the company, current role, location, bio, what you are open to, who can see it)',
      interests:
        '`interests`: list your interests · `interests add design, python` · `interests remove python`',
      find: '`find <interest or text>`: find alumni who share an interest, e.g. `find product management`',
      events: '`events`: upcoming events, with Going / Maybe / Not going buttons and calendar links',
      jobs: '`jobs`: open roles, those matching your interests first, with I’m curious / Refer someone / Apply',
      ask: '`ask` · `offer`: ask the alumni for help (an introduction, a lead, advice…) or offer yours; whoever responds gets a group DM with you',
      asks: '`asks`: open asks and offers, those matching your interests first · `asks mine`: yours, who responded, resolve or extend · `asks fundraising, SaaS`: by tags',
      study:
        '`study`: study groups gathering members, those matching your interests first, with Count me in · `study propose`: propose one (a topic, tags, a minimum of members, a rhythm); when enough count themselves in, the group gets a channel',
      mentor:
        '`mentor offer SaaS, fundraising`: mentor members on these topics · `mentor capacity 3` · `mentor open|limited|closed` · `mentor request SaaS: my goal`: ask for a mentor · `mentor`: your mentoring',
      mentors: '`mentors` · `mentors SaaS`: mentors with a free place, most shared topics first',
      report:
        '`report` · `report <message link>` (in a DM with me): report a message to the moderators, privately; or use *Report to moderators* in a message’s ⋮ menu',
      digest:
        '`digest`: your personal digest of matching roles and events · `digest weekly|daily|off` · `digest preview`',
      intros:
        '`intros on|off|snooze 4`: every other week, meet an alum who shares your interests in a group DM · `intros` shows your status',
      privacy: '`privacy export`: get all the data we store about you · `privacy delete`: erase it',
      chapters:
        '`chapters`: city, region and professional chapters · `chapters join <name>` · `chapters leave <name>`: their events come first in your digest and `events`',
      help: '`help`: this list',
      eventNew:
        '`event new`: create an event (posted as a card with RSVP buttons; reminders a day and an hour before)',
      eventManage: '`event edit 12` · `event cancel 12` · `event attendees 12` (list and CSV)',
      announce:
        '`announce`: schedule an announcement, once or repeating · `announce list` · `announce edit 3` · `announce cancel 3`',
      interestsUnmatched:
        '`interests unmatched`: the most-held interests that have no Japanese ⇄ English pair yet',
      jobNew:
        '`job new`: post a role (a card with I’m curious, Refer someone and Apply; the recruiter gets a DM for each signal)',
      jobManage:
        '`job edit 12` (change a role; its card follows) · `job close 12` · `job hired 12 @member` (records a comeback hire) · `job post 12` (posts a card that could not be posted)',
      jobReopen: '`job reopen 12`: open a closed role again; its card says it is open',
      jobContacts:
        '`job contacts 12 @aiko @ken`: team members happy to chat with curious alumni before they apply (each confirms by button) · `job contacts 12` lists them',
      digestSend:
        '`digest send`: send everyone their digest now, outside the schedule; the report comes by DM',
      talent:
        '`talent 12` or `talent python, design`: members open to coming back whose interests match a role, or the interests you name',
      stats: '`stats`: members, top interests, events and the comeback funnel per role',
      statsCsv:
        '`stats csv`: member engagement (and, for HR and admins, the funnel per role) as CSV files in your DM',
      join: '`join`: ask to join the community (when admins approve newcomers), or answer an admin’s question',
      adminEligible:
        '`admin eligible import`: load the list of eligible people from a CSV file shared in our DM (Slack emails or former-employee ids)',
      chaptersAdmin:
        '`chapters create <name> #channel` · `chapters lead add|remove <name> @someone` (leads post events and announcements in the chapter’s channel) · `chapters archive <name>`',
      roles: '`roles`: who is an admin, organizer, HR or supporter',
      supporterPropose:
        '`event new` · `announce`: propose an event or an announcement; an organizer approves it (or it goes out at once, where supporters post directly), and you are credited as its host',
      role: '`role add @someone organizer|hr|admin|supporter` · `role remove @someone organizer|hr|admin|supporter`',
      introsPreview:
        '`intros preview`: the next intro round’s pairs and shared interests, before it goes out',
      introsRun: '`intros run`: pair an intro round now, outside the schedule; the summary comes by DM',
      interestsPair:
        '`interests pair ボルダリング bouldering`: make a Japanese and an English spelling one interest (tags members hold move to it)',
    },
    supporterHeading: 'As a supporter you can',
    organizerHeading: 'As an organizer you can',
    hrHeading: 'As HR you can',
    yourRoles: (roles: string) => `Your roles: ${roles}.`,
    japaneseNames: 'Japanese works too:',
  },
  unknownCommand: (word: string) => `I don't know the command “${word}”. Here is what I understand:`,
  didYouMean: (word: string, name: string) =>
    `I don't know the command “${word}”. Did you mean \`${name}\`? Here is what I understand:`,
  onboarding: {
    welcomeTitle: (community: string) => `Welcome to ${community}!`,
    welcomeText: (community: string) =>
      `Welcome to ${community}! Please read our purpose and code of conduct.`,
    purpose: 'Why we are here',
    eligibility: 'Who may join',
    conduct: 'Code of conduct',
    agreeButton: 'I agree',
    profileButton: 'Set up my profile',
    agreePrompt: 'By pressing “I agree” you accept the code of conduct above.',
    agreed: (date: string) =>
      `Thank you! You agreed to the code of conduct on ${date}. Next, tell others a little about yourself.`,
    agreedText: 'Thank you for agreeing to the code of conduct.',
    mustAgreeFirst:
      'Before you use Homecoming, please read the community guidelines below and press “I agree”. Then run your command again.',
    agreeBeforeProfile:
      'Please agree to the code of conduct first: press “I agree” in my welcome message, or run `/alumni profile` to see it. Then you can set up your profile. Nothing was saved.',
    versionChanged:
      'The community guidelines have changed since you last agreed. Please read them and agree again.',
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
    usage:
      'Use `/alumni interests` to list, `/alumni interests add design, python` to add, `/alumni interests remove python` to remove.',
    errors: {
      empty:
        'Tell me which interests, separated by commas, e.g. `/alumni interests add design, python`. Nothing was saved.',
      tooLong: (tag: string, max: number) =>
        `“${tag}” is longer than ${max} characters. Use a shorter tag. Nothing was saved.`,
      tooMany: (count: number, max: number) =>
        `That would give you ${count} interests; the limit is ${max}. Remove some first with \`/alumni interests remove …\`. Nothing was saved.`,
      listTooLong: (maxChars: number, maxTags: number, maxTagLength: number) =>
        `That list is longer than ${maxChars} characters. A member has at most ${maxTags} interests of up to ${maxTagLength} characters each. Nothing was saved.`,
    },
    modalTitle: 'Your interests',
    modalLabel: 'Interests',
    pairUsage:
      'Give the Japanese and the English spelling of one interest, e.g. `/alumni interests pair ボルダリング bouldering`. Nothing was saved.',
    pairNotBilingual:
      'One side must be in Japanese and the other in English, e.g. `/alumni interests pair ボルダリング bouldering`. Nothing was saved.',
    pairTooLong: (max: number) => `Each side can have at most ${max} characters. Nothing was saved.`,
    pairAdded: (ja: string, en: string) =>
      `Paired ${ja} ⇄ ${en}: members who type either now share one interest, and each sees it in their own language.`,
    pairMoved: (count: number) =>
      count === 1 ? '1 tag already held now uses it.' : `${count} tags already held now use it.`,
    pairAlready: (ja: string, en: string) => `${ja} and ${en} are already one interest. Nothing changed.`,
    pairTaken: (ja: string, other: string) =>
      `${ja} already means ${other}. Nothing was saved. Pair another Japanese spelling with the English one, or leave it as it is.`,
    unmatchedHeading: (count: number) =>
      `The ${count === 1 ? 'most-held interest' : `${count} most-held interests`} without a Japanese ⇄ English pair (members holding each; hidden profiles not counted):`,
    unmatchedLine: (tag: string, members: number) =>
      `${tag}: ${members === 1 ? '1 member' : `${members} members`}`,
    unmatchedHint: 'Pair one with `/alumni interests pair <Japanese> <English>`.',
    unmatchedNone: 'Every interest members hold has a Japanese ⇄ English pair.',
  },
  find: {
    usage: 'Tell me what to look for, e.g. `/alumni find product management` or `/alumni find Osaka`.',
    tooLong: (max: number) => `That search is longer than ${max} characters. Try one interest or a word.`,
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
      'Homecoming stores, and your export holds: your profile (name, years at the company, current role, location, bio, who can see it), your interests, what you are open to and until when, your roles and the roles you granted, your agreement to the code of conduct, your language, your event answers, the announcements you scheduled, your digest setting and what digests showed you, your job signals (curious, apply clicks, referrals you made, roles you are a contact for), coffee chats, your asks and offers and the responses you gave, the collaboration channels of your asks and offers and those you were invited to, the study groups you proposed or counted yourself in for and those your digest told you of, mentoring (your offer to mentor, your requests for a mentor, the requests sent to you, your mentoring pairs), the reports to moderators you made (once you erase your data they are kept without your name or note), your request to join (the facts you gave, and who approved it and when), the chapters you joined or lead (and the chapter decisions you made as an admin), the events and announcements you proposed as a supporter (once you erase your data, those waiting or declined are deleted, and those posted stay without your name), intros and your “Did you meet?” answers, reminders to review your profile, the days given to DMs you did not ask for (one a day at most), the private channels Homecoming knows you are in, and messages waiting to be sent to you. You can get a copy or erase it all.',
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
      'Use `/alumni role add @someone organizer`, `/alumni role remove @someone hr` or `/alumni roles`. Roles: admin, organizer, hr, supporter.',
    badUser: 'Mention the member with @, e.g. `/alumni role add @aiko organizer`.',
    badRole: (given: string) => `“${given}” is not a role. Use admin, organizer, hr or supporter.`,
    granted: (user: string, role: string) =>
      `${user} is now ${role === 'HR' ? role : `${/^[aeiou]/i.test(role) ? 'an' : 'a'} ${role}`}.`,
    alreadyHad: (user: string, role: string) => `${user} already has the ${role} role. Nothing changed.`,
    revoked: (user: string, role: string) => `${user} no longer has the ${role} role.`,
    didNotHave: (user: string, role: string) => `${user} did not have the ${role} role. Nothing changed.`,
    confirmRemove: (user: string, role: string) => `Remove the ${role} role from ${user}?`,
    configuredAdmin: (user: string) =>
      `${user} is an admin through the ADMIN_USER_IDS setting; change that setting to remove them.`,
    listHeader: 'Roles in this community',
    listLine: (role: string, users: string) => `*${role}*: ${users}`,
    fromSettings: '(from settings)',
    nobody: 'nobody yet',
  },
  events: {
    modalNewTitle: 'New event',
    modalEditTitle: 'Edit event',
    title: 'Title',
    description: 'Description',
    startsAt: 'Starts',
    endsAt: 'Ends',
    place: 'Place',
    placePlaceholder: 'Address or room',
    url: 'Online link',
    urlPlaceholder: 'https://…',
    channel: 'Post the event card in',
    capacity: 'Capacity',
    capacityHint: 'Leave empty for no limit. When full, “Going” puts people on a waitlist.',
    tags: 'Interests (tags)',
    tagsHint: 'Members with these interests see the event first, e.g. design, python.',
    reminders: 'Reminders',
    reminder: {
      '1w': 'A week before',
      '1d': 'A day before',
      '1h': 'An hour before',
      '15m': '15 minutes before',
    },
    errors: {
      titleEmpty: 'Give the event a title.',
      titleTooLong: (max: number) => `Keep the title under ${max} characters.`,
      startMissing: 'Choose when the event starts.',
      startInPast: 'The start is in the past. Choose a time in the future.',
      dateInvalid: 'That is not a date and time the picker offers. Choose the date and time again.',
      endMissing: 'Choose when the event ends.',
      endBeforeStart: 'The end must be after the start.',
      urlInvalid: 'Enter a full link starting with https://, e.g. https://meet.example.com/abc.',
      capacityInvalid: 'Enter a whole number of places, at least 1, or leave it empty.',
      channelMissing: 'Choose a channel for the event card.',
      channelNotMember:
        'You can post an event card only in a channel you are a member of. Join that channel first, or choose another one.',
      channelUnreadable:
        'I cannot see that channel. If it is private, invite me first (`/invite @Homecoming`), then submit again.',
      channelUnavailable:
        'I could not check that channel with Slack just now. Please submit again in a moment.',
      tooLong: (max: number) => `Please keep this under ${max} characters.`,
    },
    going: 'Going',
    maybe: 'Maybe',
    notGoing: 'Not going',
    addToCalendar: 'Add to Google Calendar',
    downloadIcs: 'Get .ics file',
    cardGoing: (count: number, names: string) =>
      count === 0
        ? 'Nobody is going yet. Be the first!'
        : names === ''
          ? `*${count} going*`
          : `*${count} going*: ${names}`,
    cardMore: (count: number) => `and ${count} more`,
    cardMaybe: (count: number) => `${count} maybe`,
    cardWaitlist: (count: number) => `${count} on the waitlist`,
    cardCapacity: (left: number, capacity: number) => `${count(left, 'place')} left of ${capacity}`,
    cardFull: (capacity: number) => `Full (${count(capacity, 'place')}): “Going” joins the waitlist`,
    cardCancelled: 'This event has been cancelled.',
    cardId: (id: number) => `Event #${id}`,
    online: 'Online',
    yourAnswer: (answer: string) => `Your answer: ${answer}`,
    status: { going: 'going', maybe: 'maybe', not_going: 'not going', waitlist: 'on the waitlist' },
    rsvpRecorded: (title: string, answer: string) =>
      `Your answer for “${title}”: ${answer.charAt(0).toUpperCase()}${answer.slice(1)}.`,
    rsvpWaitlisted: (title: string) =>
      `“${title}” is full, so you are on the waitlist. I will tell you as soon as a place frees up.`,
    rsvpClosedCancelled: 'This event has been cancelled, so answers are closed.',
    rsvpClosedEnded: 'This event is over, so answers are closed.',
    created: (title: string, channel: string) => `“${title}” is scheduled and posted in ${channel}.`,
    createdNoCard: (title: string, channel: string) =>
      `“${title}” is saved, but I could not post it in ${channel}. Invite me to the channel (\`/invite @Homecoming\`) and edit the event to post it.`,
    updated: (title: string, told: number) =>
      told === 0
        ? `“${title}” is updated; nobody who answered needs to be told.`
        : `“${title}” is updated; ${count(told, 'member')} who answered will be told what changed.`,
    cancelledDone: (title: string, count: number) =>
      count === 0
        ? `“${title}” is cancelled; nobody had answered, so nobody needs to be told.`
        : `“${title}” is cancelled; ${count === 1 ? '1 member' : `${count} members`} who answered will be told.`,
    alreadyCancelled: (title: string) => `“${title}” was already cancelled.`,
    confirmCancel: (title: string, count: number) =>
      count === 0
        ? `Cancel “${title}”? Nobody has answered, so nobody needs telling; its reminders stop.`
        : `Cancel “${title}”? ${count === 1 ? 'The 1 member who answered is' : `The ${count} members who answered are`} told, and its reminders stop.`,
    endedCannotCancel: (title: string) =>
      `“${title}” has already ended, so it cannot be cancelled. Nothing changed.`,
    onlyOwnerOrAdmin: (id: number) =>
      `Only the organizer who created event #${id} or an admin can change or cancel it. Nothing was changed.`,
    notFound: (id: string) =>
      `There is no event #${id}. \`/alumni events\` lists upcoming events with their numbers.`,
    notInAudience:
      'This event is for the members of a private channel you are not in, so you cannot see or answer it. Nothing was changed.',
    notInAudienceManage:
      'This event is for the members of a private channel you are not in, so you cannot see or manage it, even as an organizer or admin. Ask someone in that channel, or ask to be added to it. Nothing was changed.',
    idUsage: (verb: string) =>
      `Give the event number, e.g. \`/alumni event ${verb} 12\`. \`/alumni events\` shows the numbers.`,
    usage:
      'Use `/alumni event new`, `/alumni event edit 12`, `/alumni event cancel 12` or `/alumni event attendees 12`.',
    listTitle: 'Upcoming events',
    listEmpty: 'No upcoming events yet.',
    listMatched: (tags: string) => `matches your interests: ${tags}`,
    attendeesTitle: (title: string) => `Who answered “${title}”`,
    attendeesNone: 'Nobody has answered yet.',
    attendeesGroup: (answer: string, count: number, names: string) => `*${answer}* (${count}): ${names}`,
    attendeesCsv: (title: string) => `Attendee list for “${title}” (CSV).`,
    reminderThread: (title: string, when: string) => `:alarm_clock: Reminder: *${title}* starts ${when}.`,
    reminderDm: (title: string, when: string, answer: string) =>
      `:alarm_clock: Reminder: *${title}* starts ${when}. You said you are ${answer}.`,
    changedDm: (title: string, what: string) =>
      `:pencil2: *${title}* has changed: ${what}. Here are the new details.`,
    changedWhat: { title: 'title', time: 'time', place: 'place', description: 'description' },
    cancelledDm: (title: string) => `:x: *${title}* has been cancelled. Sorry, and thank you for signing up.`,
    promotedDm: (title: string) => `:tada: A place freed up: you are now going to *${title}*.`,
    homeHeading: 'My upcoming events',
    homeNone: 'You have not answered any upcoming event. `/alumni events` shows what is coming.',
    homeOrganizerHeading: 'Events you can manage',
  },
  announcements: {
    modalTitle: 'Schedule announcement',
    modalEditTitle: 'Edit announcement',
    channel: 'Channel',
    text: 'Message',
    textHint: 'Slack formatting works: *bold*, _italic_, <https://example.com|links>.',
    postAt: 'Post at',
    repeat: 'Repeat',
    repeatOption: {
      none: 'Once',
      daily: 'Every day',
      weekdays: 'Every weekday (Mon–Fri)',
      weekly: 'Every week',
      monthly: 'Every month',
      cron: 'Custom (cron expression)',
    },
    cron: 'Cron expression',
    cronHint:
      'Only for “Custom”: minute hour day-of-month month day-of-week, e.g. 0 9 * * 1 for Mondays at 09:00.',
    errors: {
      channelMissing: 'Choose the channel to post in.',
      channelNotMember:
        'You can schedule an announcement only in a channel you are a member of. Join that channel first, or choose another one.',
      channelUnreadable:
        'I cannot see that channel. If it is private, invite me first (`/invite @Homecoming`), then submit again.',
      channelUnavailable:
        'I could not check that channel with Slack just now. Please submit again in a moment.',
      textEmpty: 'Write the message to post.',
      textTooLong: (max: number) => `Keep the message under ${max} characters.`,
      firstAtMissing: 'Choose when to post.',
      firstAtInPast: 'That time is in the past. Choose a time from now on.',
      firstAtInvalid: 'That is not a date and time the picker offers. Choose when to post again.',
      cronMissing: 'Enter a cron expression, e.g. 0 9 * * 1 for Mondays at 09:00.',
      cronInvalid:
        'That is not a cron expression, or it names a date that cannot run. Use five fields, e.g. 0 9 * * 1 (Mondays at 09:00).',
      cronNever: 'That expression never runs. Check the day and month fields.',
    },
    scheduledTitle: 'Scheduled',
    scheduled: (channel: string, runs: string) =>
      `Your announcement will be posted in ${channel}.\nNext: ${runs}`,
    listTitle: 'Scheduled announcements',
    listEmpty: 'No announcements are scheduled.',
    listLine: (id: number, channel: string, next: string, repeat: string, author: string) =>
      `*#${id}* in ${channel} · next ${next} · ${repeat} · by ${author}`,
    cancelled: (id: number) => `Announcement #${id} is cancelled; nothing more of it will be posted.`,
    editNotActive: (id: number) =>
      `Announcement #${id} is finished or cancelled, so there is nothing to edit.`,
    updatedTitle: 'Announcement saved',
    alreadyCancelled: (id: number) => `Announcement #${id} is not active any more. Nothing changed.`,
    confirmCancel: (id: number) => `Cancel announcement #${id}? Nothing more of it will be posted.`,
    onlyAuthorOrAdmin: (id: number) =>
      `Only its author or an admin can change or cancel announcement #${id}. Nothing was changed.`,
    notFound: (id: string) =>
      `There is no announcement #${id}. \`/alumni announce list\` shows their numbers.`,
    notInAudienceManage:
      'This announcement goes to a private channel you are not in, so only its author or an admin in that channel can cancel it. Nothing was changed.',
    usage:
      'Use `/alumni announce` to schedule one, `/alumni announce list` to see them and `/alumni announce cancel 3` to cancel one.',
    idUsage:
      'Give the announcement number, e.g. `/alumni announce cancel 3`. `/alumni announce list` shows the numbers.',
    unknownAuthor: 'someone who left',
    homeHeading: 'Scheduled announcements',
  },
  digests: {
    title: 'Your alumni digest',
    intro: 'Picked for you from your interests. Each item is new to you.',
    rolesHeading: 'Roles that match your interests',
    eventsHeading: 'Upcoming events for you',
    asksHeading: 'Asks and offers for you',
    asksNotification: (count: number) => `Your alumni digest: ${count} ask(s) or offer(s) for you`,
    matched: (tags: string) => `Matches: ${tags}`,
    workStyle: { onsite: 'On-site', hybrid: 'Hybrid', remote: 'Remote' },
    employmentType: {
      full_time: 'Full-time',
      contract: 'Contract',
      part_time: 'Part-time',
      advisor: 'Advisor',
    },
    turnOff: 'Turn off digests',
    footer: 'You get this weekly. Change it with `/alumni digest daily`, `weekly` or `off`.',
    footerDaily: 'You get this daily. Change it with `/alumni digest weekly` or `off`.',
    notification: (roles: number, events: number) =>
      `Your alumni digest: ${count(roles, 'role')} and ${count(events, 'event')} for you`,
    nothing:
      'Nothing new matches your interests right now, so there would be no digest. Add interests with `/alumni interests add …`.',
    previewLead: 'This is what your digest would hold right now:',
    status: (frequency: string) => `Your digest is ${frequency}.`,
    frequency: { weekly: 'weekly', daily: 'daily', off: 'off' },
    set: (frequency: string) => `Done: your digest is now ${frequency}.`,
    turnedOff: 'Digests are off. Turn them back on any time with `/alumni digest on`.',
    usage: 'Use `/alumni digest on`, `off`, `weekly`, `daily`, `preview`, or (HR) `send`.',
    sendStarted: (recipients: number, nothingNew: number) =>
      `Digest started: ${count(recipients, 'member')} will get one, ${nothingNew} had nothing new. I will DM you a summary when delivery finishes.`,
    report: (sent: number, nothingNew: number, failed: number) =>
      `Digest finished: ${sent} sent, ${nothingNew} skipped as nothing relevant, ${failed} not delivered.`,
    reportFailure: (reason: string, count: number) => `• ${count} × ${reason}`,
  },
  intros: {
    status: {
      never:
        'You are not in intros. Turn them on with `/alumni intros on`: every other week I introduce you to an alum who shares your interests, in a group DM.',
      off: 'Intros are off. Turn them back on with `/alumni intros on`.',
      on: (next: string) => `Intros are on. The next round is ${next}.`,
      snoozed: (until: string) => `Intros are snoozed until ${until}; after that you are back in the rounds.`,
    },
    noNextRound: 'not scheduled',
    turnedOn: (next: string) =>
      `You are in! Next round ${next}: I will open a group DM with an alum who shares your interests. Pause with \`/alumni intros snooze 4\`, stop with \`/alumni intros off\`.`,
    turnedOff:
      'Intros are off: you will not be introduced any more. Turn them back on with `/alumni intros on`.',
    snoozed: (until: string) =>
      `Snoozed: no intros until ${until}. \`/alumni intros on\` ends the snooze early.`,
    snoozeNotOn:
      'You are not in intros, so there is nothing to snooze. Turn them on with `/alumni intros on`. Nothing changed.',
    usage:
      'Use `/alumni intros` for your status, `/alumni intros on`, `/alumni intros off` or `/alumni intros snooze 4` (weeks). Admins: `/alumni intros preview` and `/alumni intros run`.',
    snoozeUsage: (max: number) =>
      `Say for how many weeks, from 1 to ${max}, e.g. \`/alumni intros snooze 4\`. Nothing changed.`,
    activityNote: (days: number) =>
      `Only members who used Homecoming or answered an event in the last ${days} days are introduced.`,
    introTitle: ':wave: Meet each other!',
    // Intro groups are pairs, or one trio when the count is odd.
    introLead: {
      two: 'You both asked to meet other alumni, so here is your intro. Say hello!',
      three: 'All three of you asked to meet other alumni, so here is your intro. Say hello!',
    },
    introYears: (from: string, to: string) => `at the company ${from}–${to}`,
    introShared: (tags: string) => `You share: ${tags}`,
    introNothingShared: 'Your interests do not overlap this time: a chance to learn something new.',
    introQuestion: (question: string) => `A first question to get going: _${question}_`,
    introFooter:
      'I will check in with each of you in a week. `/alumni intros snooze 4` pauses intros, `/alumni intros off` stops them.',
    introNotification: (names: string) => `Meet each other: ${names}`,
    questionsAbout: [
      (tag: string) => `What got you into ${tag}?`,
      (tag: string) => `What is the most useful thing you learned about ${tag} lately?`,
      (tag: string) => `With a free afternoon for ${tag}, what would you do?`,
    ],
    questionsGeneral: [
      'What are you working on these days that excites you?',
      'What do you miss most from your time at the company, and what not at all?',
      'What would you like to learn this year?',
    ],
    checkinText: (partners: string, when: string) => `Did you meet ${partners}? I introduced you on ${when}.`,
    checkinYes: 'Yes, we met',
    checkinNotYet: 'Not yet',
    checkinSkip: 'Skip',
    answeredYes: 'Wonderful, thank you for telling me! :tada:',
    answeredNotYet: 'No rush. Press the button once you have met.',
    answeredSkip: 'Got it. I will not ask about this intro again.',
    notInGroup: 'That intro is not one of yours, so nothing was recorded.',
    previewTitle: (when: string) => `Next intro round: ${when}`,
    previewNoRound: 'No intro round is scheduled: check INTROS_CRON.',
    previewSummary: (eligible: number, groups: number, leftOut: number) =>
      `${count(eligible, 'member')} eligible · ${count(groups, 'group')} · ${leftOut} left out (nobody new to meet)`,
    previewGroup: (members: string, tags: string) => `${members}: ${tags}`,
    previewNoShared: 'no shared interests',
    previewHiddenShared: (count: number) =>
      `${count === 1 ? '1 shared interest' : `${count} shared interests`} hidden by a member’s privacy setting`,
    previewMore: (more: number) => `…and ${count(more, 'more group', 'more groups')}.`,
    previewNote:
      'Nothing is recorded: this is how the round would pair if it ran now. Opt-ins, snoozes and activity can still change it.',
    previewEmpty: 'Nobody is eligible yet: members opt in with `/alumni intros on`.',
    runStarted: 'The intro round is paired and its group DMs are going out. The summary is in your DMs.',
    runReport: (groups: number, members: number, leftOut: number) =>
      `The intro round you started is paired: ${groups} ${groups === 1 ? 'group' : 'groups'}, ${members} ${members === 1 ? 'member' : 'members'} introduced, ${leftOut} left out (nobody new to meet). The group DMs are on their way.`,
    runNobody: 'The intro round you started paired nobody: no member who opted in has someone new to meet.',
    statsHeading: 'Intros',
    statsLine: (rounds: string, introduced: string) =>
      `Rounds: ${rounds} · members introduced: ${introduced}`,
    statsAnswers: (yes: string, notYet: string, skip: string) =>
      `“Did you meet?” Yes ${yes} · Not yet ${notYet} · Skip ${skip}`,
    statsRate: (rate: string) => `Meet rate: ${rate} (Yes over Yes + Not yet)`,
  },
  availability: {
    askTitle: 'Are you still open to these?',
    askIntro: (days: number) =>
      `Your profile tells alumni and HR what you are open to. To keep it true, each choice lapses after ${days} days unless you keep it.`,
    askFlag: (flag: string, until: string) => `*${flag}*: until ${until}`,
    keptFlag: (flag: string, until: string) => `:white_check_mark: *${flag}*: kept until ${until}`,
    goneFlag: (flag: string) => `~${flag}~: no longer on your profile`,
    keep: 'Keep',
    drop: 'Drop',
    keepAll: 'Keep all',
    allDone: 'All set, thank you! You can change these any time in your profile.',
    notification: (flags: string) => `Are you still open to: ${flags}?`,
    footer:
      'If you do nothing, each lapses on its date and leaves your profile. You can tick it again in your profile any time.',
    stale: 'That button no longer applies. Your profile shows what you are open to now.',
    profileHint: (days: number) =>
      `Each choice holds for ${days} days from when you save it here; I will ask a week before it lapses.`,
  },
  talent: {
    usage:
      'Use `/alumni talent 12` (a role number) or `/alumni talent product management, python` (interests).',
    header: (what: string, count: number) => `Open to coming back, matching ${what} (${count}):`,
    forRole: (id: number, title: string) => `role #${id} “${title}”`,
    none: (what: string) => `Nobody open to coming back matches ${what} right now.`,
    roleWithoutTags: (id: number, title: string) =>
      `Role #${id} “${title}” has no interest tags, so I cannot match anyone to it. Search by interests instead, e.g. \`/alumni talent python, design\`.`,
    matched: (tags: string) => `matches: ${tags}`,
    until: (date: string) => `open to coming back until ${date}`,
    more: (shown: number) => `Showing the best ${shown}.`,
    tooLong: (max: number) =>
      `That search is longer than ${max} characters. Try a role number or a few interests.`,
    note: 'Only members open to coming back whose profile is visible to all alumni, or to admins and HR, are listed.',
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
  stats: {
    title: 'Community stats',
    asOf: (when: string) => `As of ${when}.`,
    membersHeading: 'Members',
    total: 'Total',
    agreed: 'Agreed to the code of conduct',
    profileComplete: 'Profile complete (name, years, an interest)',
    active: (days: number) => `Active in the last ${days} days`,
    interestsHeading: (count: number, min: number) =>
      `Top ${count} interests (members holding each; only interests ${min} or more members hold)`,
    interestLine: (rank: number, tag: string, members: string) => `${rank}. ${tag}: ${members}`,
    interestsNone: (min: number) => `No interest is held by ${min} or more members yet.`,
    eventsHeading: 'Events',
    upcoming: (count: string) => `Upcoming: ${count}`,
    upcomingRsvps: (going: string, maybe: string, waitlist: string) =>
      `RSVPs to upcoming events: ${going} going · ${maybe} maybe · ${waitlist} on the waitlist`,
    attendanceHeading: (count: number) => `Attendance (RSVP going), last ${count} past events`,
    attendanceLine: (title: string, date: string, going: string) => `${title} (${date}): ${going} going`,
    attendanceNone: 'No past events yet.',
    funnelHeading: 'Comeback funnel, all roles',
    step: { shown: 'Shown in a digest', curious: 'Curious', applyClick: 'Clicked apply', hired: 'Hired' },
    stepLine: (step: string, count: string) => `${step}: ${count}`,
    stepRateLine: (step: string, count: string, rate: string) => `${step}: ${count} (${rate})`,
    /** One step of a role's funnel on one line: `Curious 3 (50.0%)`. */
    compactStep: (step: string, count: string, rate: string) => `${step} ${count} (${rate})`,
    rateOf: {
      curiousPerShown: (rate: string) => `${rate} of those shown`,
      applyPerCurious: (rate: string) => `${rate} of the curious`,
      hiredPerApply: (rate: string) => `${rate} of those who clicked apply`,
    },
    referrals: (count: string) => `Referrals: ${count}`,
    funnelNote:
      'All time. Overall, each member counts once per step however many roles they reached (the total row of `stats csv` is this funnel); per role, once per step for that role, so the roles’ figures can add up to more. A rate is a step over the step before it; “—” means nobody reached the step before. Members can be curious or apply straight from the jobs channel, so a rate can pass 100%.',
    rolesHeading: (count: number) => `Open roles, top ${count} by activity`,
    rolesNone: 'No open roles.',
    roleTitle: (id: number, title: string) => `#${id} ${title}`,
    csvSent:
      'I sent you two CSV files in our direct message: the comeback funnel per role, ending with the total as `/alumni stats` counts it, and member engagement.',
    csvFunnelTitle: 'Comeback funnel per role (CSV)',
    /** `unlisted` is csvUnlisted(…) when some roles have no row for the caller, else empty. */
    csvTotalRow: (roles: number, unlisted: string) =>
      roles === 0
        ? 'No roles yet: every count is 0.'
        : `All ${roles === 1 ? '1 role' : `${roles} roles`}${unlisted}: each member once per step however many roles, as in /alumni stats. The rows above count per role, so they can add up to more.`,
    csvUnlisted: (count: number) => ` (${count} in channels you are not in, so not listed)`,
    csvMembersTitle: 'Member engagement, members who agreed and let HR see their profile (CSV)',
    csvSentEvents:
      'I sent you a CSV file in our direct message: event engagement of the members whose profile is visible to all alumni. The comeback funnel and members’ job signals are for HR and admins.',
    csvEventsTitle: 'Event engagement, members visible to all alumni (CSV)',
    usage:
      'Use `/alumni stats` for the report, or `/alumni stats csv` to get it as CSV files in a direct message.',
  },
  jobs: {
    modalTitle: 'Post a role',
    modalEditTitle: 'Edit role',
    submit: 'Post',
    title: 'Role title',
    team: 'Team',
    location: 'Location',
    locationPlaceholder: 'City, country, or “anywhere”',
    workStyle: 'Work style',
    workStyles: { onsite: 'On-site', hybrid: 'Hybrid', remote: 'Remote' },
    employmentType: 'Employment type',
    employmentTypes: {
      full_time: 'Full-time',
      contract: 'Contract',
      part_time: 'Part-time',
      advisor: 'Advisor',
    },
    description: 'Description',
    descriptionPlaceholder: 'What the role is about, and why an alum would enjoy it',
    applyUrl: 'Apply link',
    applyUrlPlaceholder: 'https://careers.example.com/…',
    tags: 'Interests (tags)',
    tagsHint: 'Alumni with these interests see the role first, e.g. product management, python.',
    recruiter: 'Recruiter',
    recruiterHint: 'Gets a direct message for every “I’m curious” and every referral.',
    closesOn: 'Closes on',
    closesOnHint: 'Optional. The role closes by itself once this day is over.',
    channel: 'Post the role in',
    channelHint: 'Tip: set JOBS_CHANNEL_ID so that every role goes to the same channel.',
    postedIn: (channel: string) => `The role will be posted in ${channel}.`,
    errors: {
      titleEmpty: 'Give the role a title.',
      titleTooLong: (max: number) => `Keep the title under ${max} characters.`,
      tooLong: (max: number) => `Please keep this under ${max} characters.`,
      workStyleMissing: 'Choose on-site, hybrid or remote.',
      employmentTypeMissing: 'Choose the employment type.',
      urlMissing: 'Enter the link where people apply.',
      urlInvalid: 'Enter a full link starting with https://, e.g. https://careers.example.com/123.',
      recruiterMissing: 'Choose the recruiter who talks to interested alumni.',
      channelMissing: 'Choose the channel to post the role in.',
      channelNotMember:
        'You can post a role only in a channel you are a member of. Join that channel first, or choose another one.',
      channelUnreadable:
        'I cannot see that channel. If it is private, invite me first (`/invite @Homecoming`), then submit again.',
      channelUnavailable:
        'I could not check that channel with Slack just now. Please submit again in a moment.',
      closesOnInvalid: 'Pick the day with the date picker, or leave it empty.',
      closesOnInPast: 'That day is already over. Choose today or a later day, or leave it empty.',
    },
    curiousButton: 'I’m curious',
    referButton: 'Refer someone',
    applyButton: 'Apply',
    cardRecruiter: (who: string) => `Recruiter: ${who}`,
    cardCloses: (date: string) => `Open until ${date}`,
    cardId: (id: number) => `Role #${id}`,
    cardHowItWorks: '“I’m curious” tells the recruiter you would like to talk. It is not an application.',
    cardClosed: 'This role is closed. Thank you to everyone who showed interest.',
    cardFilled: 'This role has been filled by one of us coming back. Thank you, everyone!',
    theHrTeam: 'the HR team',
    listTitle: 'Open roles',
    listEmpty: 'There are no open roles right now. New ones appear here and in the jobs channel.',
    listMatched: (tags: string) => `matches your interests: ${tags}`,
    listCurious: 'You told the recruiter you are curious.',
    curiousDone: (recruiter: string, title: string) =>
      `Thanks! I told ${recruiter} that you are curious about “${title}”. This is not an application: ${recruiter} will message you here in Slack to talk it over. To apply right away, press Apply.`,
    curiousSeesProfile: 'They can see your Homecoming profile.',
    curiousSeesName: 'They see only your name: your profile stays private, as you chose.',
    curiousAgain: (recruiter: string, title: string) =>
      `You already told ${recruiter} that you are curious about “${title}”, so nothing more was sent. They will be in touch.`,
    curiousNoRecruiter: (title: string) =>
      `Noted. “${title}” has no recruiter in Homecoming any more, so nobody could be told. Please use Apply.`,
    curiousDm: (member: string, title: string, id: number) =>
      `:wave: ${member} is curious about *${title}* (role #${id}). It is a soft signal, not an application: start a conversation when you are ready.`,
    curiousDmPrivate: 'Their profile is not shown: they keep it private.',
    curiousDmNoProfile: 'They have not filled in a profile yet.',
    curiousDmShared: (tags: string) => `Shares the role’s interests: ${tags}`,
    messageButton: 'Message them',
    referModalTitle: 'Refer someone',
    referSubmit: 'Send',
    referIntro: (title: string) =>
      `Who would be great for *${title}*? The recruiter gets these details, and I will tell you how it goes.`,
    referName: 'Their name',
    referContact: 'How to reach them',
    referContactPlaceholder: 'Email, phone or profile link',
    referRelationship: 'How you know them',
    referRelationshipPlaceholder: 'e.g. we worked together at Acme for three years',
    referNote: 'Anything the recruiter should know',
    referErrors: {
      nameEmpty: 'Enter the name of the person you refer.',
      contactEmpty: 'Tell the recruiter how to reach them.',
      tooLong: (max: number) => `Please keep this under ${max} characters.`,
    },
    referDoneTitle: 'Referral sent',
    referDone: (recruiter: string, name: string, title: string) =>
      `Thank you! ${recruiter} has your referral of ${name} for “${title}”. I will message you each time it moves on.`,
    referDoneNoRecruiter: (name: string, title: string) =>
      `Thank you! Your referral of ${name} for “${title}” is saved. The role has no recruiter in Homecoming right now, so HR will pick it up.`,
    referralDm: (referrer: string, name: string, title: string, id: number) =>
      `:handshake: ${referrer} refers *${name}* for *${title}* (role #${id}).`,
    referralContact: (contact: string) => `*How to reach them:* ${contact}`,
    referralRelationship: (text: string) => `*How they know each other:* ${text}`,
    referralNote: (text: string) => `*Note:* ${text}`,
    referralStatusLine: (status: string) =>
      `Status: *${status}*. Move it on with the buttons; the referrer is told each time.`,
    referrerGone: 'a former member',
    referralStatus: {
      new: 'new',
      contacted: 'contacted',
      interviewing: 'interviewing',
      hired: 'hired',
      closed: 'closed',
    },
    moveButton: { contacted: 'Contacted', interviewing: 'Interviewing', hired: 'Hired', closed: 'Close' },
    moved: (name: string, status: string) => `${name} is now *${status}*. The referrer will be told.`,
    movedNoReferrer: (name: string, status: string) =>
      `${name} is now *${status}*. The referrer has left Homecoming, so nobody is told.`,
    moveSame: (name: string, status: string) => `${name} is already *${status}*. Nothing changed.`,
    moveRefused: 'Only the role’s recruiter, HR or an admin can move a referral on.',
    referralMovedDm: {
      contacted: (name: string, title: string) =>
        `:speech_balloon: Your referral of *${name}* for *${title}*: the recruiter has contacted them.`,
      interviewing: (name: string, title: string) =>
        `:calendar: Your referral of *${name}* for *${title}*: they are now interviewing.`,
      hired: (name: string, title: string) =>
        `:tada: Your referral of *${name}* for *${title}*: they have been hired. Thank you so much!`,
      closed: (name: string, title: string) =>
        `:lock: Your referral of *${name}* for *${title}* is closed. Thank you for thinking of us.`,
    },
    notOpen: {
      closed: 'This role is closed, so it no longer takes interest or referrals.',
      filled: 'This role has been filled, so it no longer takes interest or referrals.',
    },
    referralNotFound: 'That referral no longer exists.',
    usage:
      'Use `/alumni jobs` to see open roles. HR: `/alumni job new`, `/alumni job edit 12`, `/alumni job close 12`, `/alumni job hired 12 @member`, `/alumni job post 12`.',
    idUsage: (verb: string) =>
      `Give the role number, e.g. \`/alumni job ${verb} 12\`. \`/alumni jobs\` shows the numbers.`,
    newNeedsSlash: 'The role form opens from the slash command: type `/alumni job new`.',
    hiredUsage: 'Give the role number and mention who was hired, e.g. `/alumni job hired 12 @aiko`.',
    notFound: (id: string) =>
      `There is no role #${id}. \`/alumni jobs\` lists open roles with their numbers.`,
    notInAudience:
      'This role is for the members of a private channel you are not in, so you cannot see or answer it. Nothing was changed.',
    notInAudienceManage:
      'This role is for the members of a private channel you are not in, so you cannot see or manage it, even as HR or an admin. Ask someone in that channel, or ask to be added to it. Nothing was changed.',
    created: (title: string, channel: string, recruiter: string) =>
      `“${title}” is posted in ${channel}. ${recruiter} gets a direct message for each “I’m curious” and each referral.`,
    createdNoCard: (title: string, channel: string, id: number) =>
      `“${title}” is saved as role #${id}, but I could not post it in ${channel}. Invite me there (\`/invite @Homecoming\`), then run \`/alumni job post ${id}\`.`,
    posted: (title: string, channel: string) => `“${title}” is now posted in ${channel}.`,
    notPosted: (title: string, channel: string) =>
      `I still cannot post “${title}” in ${channel}. Invite me there with \`/invite @Homecoming\` and try again.`,
    alreadyPosted: (title: string) => `“${title}” is already posted; I refreshed its card.`,
    closedDone: (title: string) => `“${title}” is closed; its card now says so.`,
    alreadyClosed: (title: string) => `“${title}” is not open any more. Nothing changed.`,
    reopened: (title: string) => `“${title}” is open again; its card now says so.`,
    updated: (title: string) => `“${title}” is saved; its card shows the change.`,
    editNeedsSlash: (id: number) =>
      `The role form opens from the slash command: type \`/alumni job edit ${id}\`.`,
    alreadyOpen: (title: string) => `“${title}” is already open. Nothing changed.`,
    confirmClose: (title: string) => `Close “${title}”? Its card will say it is closed.`,
    hiredDone: (who: string, title: string) =>
      `:tada: ${who} is recorded as hired for “${title}”, and the role is marked filled. Welcome back!`,
    hiredAgain: (who: string, title: string) =>
      `${who} was already recorded as hired for “${title}”. Nothing changed.`,
    homeHeading: 'Open roles for you',
    homeNone: 'No open roles right now.',
    homeAddInterests: 'Add interests to see the roles that match you first.',
    homeHrHeading: 'Open roles and their funnel',
    homeHrNone: 'No open roles. Post one with `/alumni job new`.',
    homeFunnel: (shown: number, curious: number, applyClicks: number, referrals: number, hired: number) =>
      `shown ${shown} · curious ${curious} · apply clicks ${applyClicks} · referrals ${referrals} · hired ${hired}`,
  },
  coffee: {
    offer:
      'Would you like a short chat with someone on the team first? It is informal, and not an application.',
    offerButton: 'Chat with someone on the team',
    requested: (title: string) =>
      `I asked someone on the team behind “${title}” whether they can chat. I will tell you here as soon as they confirm.`,
    requestedAgain: (title: string) =>
      `You already asked for a chat about “${title}”, so nothing more was sent.`,
    noContacts: (title: string) =>
      `Nobody on the team behind “${title}” can chat right now. The recruiter knows you are curious, and you can press Apply whenever you are ready.`,
    inviteDm: (title: string, id: number) =>
      `:coffee: HR added you as someone happy to chat with alumni who are curious about *${title}* (role #${id}). Would you? Members are only offered a chat with you once you confirm, and you can still say “Not now” to each request.`,
    confirmButton: 'Confirm',
    declineButton: 'Decline',
    inviteConfirmed: (title: string) =>
      `Thanks! Alumni curious about “${title}” may now be offered a chat with you. You will get a direct message for each request.`,
    inviteDeclined: (title: string) => `Understood: you will not be offered as a contact for “${title}”.`,
    askDm: (member: string, title: string, id: number) =>
      `:coffee: ${member} is curious about *${title}* (role #${id}) and would like a short chat with someone on the team before applying. Can you?`,
    acceptButton: 'Accept',
    notNowButton: 'Not now',
    accepted: (member: string) => `Thank you! I am opening a group direct message with ${member}.`,
    notNow: 'No problem. I will ask someone else on the team.',
    alreadyAnswered: 'You already answered this request, so nothing changed.',
    notYours: 'This button is not for you: only the person who was asked can answer it.',
    memberGone: 'Thanks. The member has since left the community, so there is nothing more to do.',
    askLapsed: (title: string) =>
      `Thanks. This request has lapsed: the member can no longer see “${title}”, so there is nothing more to do.`,
    askContactOutside: (title: string) =>
      `You are no longer in the channel where “${title}” is posted, so I will ask someone else on the team. Nothing more is needed from you.`,
    groupIntro: (member: string, contact: string, title: string, id: number) =>
      `:coffee: Hello! ${member} is curious about *${title}* (role #${id}) and would like a chat before applying. ${contact} from the team has kindly agreed.`,
    groupRecruiter: (recruiter: string) => `${recruiter} is the recruiter for the role.`,
    groupShared: (tags: string) => `Interests they share with the role: ${tags}`,
    // The member and the contact, and the recruiter unless they are the contact.
    groupSuggest: {
      two: 'Suggest a time that suits you both: 20 minutes is plenty. It is a conversation, not an interview.',
      three:
        'Suggest a time that suits all three of you: 20 minutes is plenty. It is a conversation, not an interview.',
    },
    heldDm: (title: string) =>
      `:coffee: Good news: someone on the team behind “${title}” is happy to chat. I opened a group direct message for you with them and the recruiter.`,
    unavailableDm: (title: string) =>
      `:coffee: I am sorry: nobody on the team behind “${title}” can chat this time. That says nothing about you. The recruiter knows you are curious and may reach out; you can also apply whenever you are ready.`,
    usage:
      'Give the role number and mention the team members, e.g. `/alumni job contacts 12 @aiko @ken`. `/alumni job contacts 12` lists them.',
    badUser: (given: string) =>
      `“${given}” is not a mention. Mention each team member with @, e.g. \`/alumni job contacts 12 @aiko\`.`,
    tooMany: (max: number) => `Add at most ${max} people at a time, please.`,
    added: (who: string, title: string) =>
      `I asked ${who} to confirm that they are happy to chat about “${title}”. Curious members are offered a chat once someone confirms.`,
    alreadyAdded: (who: string) => `Already added: ${who}.`,
    withState: (who: string, state: string) => `${who} (${state})`,
    outsideChannel: (who: string, channel: string) =>
      `Nobody was added: ${who} cannot see this role, because it is posted in ${channel}, a private channel they are not in. Invite them to that channel first, or mention team members who are in it.`,
    listHeading: (title: string, id: number) => `*Team contacts for “${title}” (role #${id})*`,
    listNone: (title: string) =>
      `“${title}” has no team contacts yet. Add some with \`/alumni job contacts <role number> @someone\`.`,
    state: { invited: 'waiting for them to confirm', confirmed: 'confirmed', declined: 'declined' },
    listCounts: (requested: number, held: number) => `Coffee chats: ${requested} requested · ${held} held`,
  },
  asks: {
    typeName: { ask: 'Ask', offer: 'Offer' },
    /** Inside a sentence: “your ask”. */
    typeWord: { ask: 'ask', offer: 'offer' },
    kinds: {
      introduction: 'Introduction to a company or person',
      sales_lead: 'Customer or sales lead',
      partner: 'Partner',
      fundraising: 'Investor or fundraising',
      hiring: 'Hiring at my company',
      freelance: 'Freelance or contract work',
      advice: 'Advice',
      other: 'Other',
    },
    audiences: {
      all: 'All alumni',
      matches: 'Only members whose interests match its tags',
    },
    modalTitle: { ask: 'Ask the alumni', offer: 'Offer something' },
    post: 'Post',
    kindLabel: 'What is it about?',
    titleLabel: { ask: 'What do you need?', offer: 'What do you offer?' },
    titlePlaceholder: {
      ask: 'e.g. An introduction to someone at Acme',
      offer: 'e.g. I can review pitch decks',
    },
    detailsLabel: 'Details',
    detailsPlaceholder: 'What helps people see whether they can help',
    tagsLabel: 'Tags',
    tagsHint: (max: number) =>
      `Interests, separated by commas (at most ${max}), e.g. fundraising, SaaS. Members who hold them see it first.`,
    audienceLabel: 'Who may see it',
    daysLabel: 'Open for (days)',
    daysHint: (min: number, max: number, remind: number) =>
      `From ${min} to ${max} days. ${remind} days before it lapses I remind you, and you can extend it.`,
    errors: {
      kindMissing: 'Choose what it is about.',
      titleEmpty: 'Say in one line what you need or offer.',
      titleTooLong: (max: number) => `Keep it under ${max} characters.`,
      detailsTooLong: (max: number) => `Keep the details under ${max} characters.`,
      tooManyTags: (max: number) => `Use at most ${max} tags.`,
      tagsNeeded:
        'Add at least one tag: when only members whose interests match may see it, its tags decide who they are.',
      audienceMissing: 'Choose who may see it.',
      daysRange: (min: number, max: number) => `Enter a whole number of days from ${min} to ${max}.`,
    },
    usage:
      'Use `/alumni ask` or `/alumni offer` to open the form. `/alumni asks` lists what is open, `/alumni asks mine` your own, `/alumni asks fundraising, SaaS` those with these tags.',
    formInDm: 'Press the button to open the form.',
    openButton: { ask: 'Ask the alumni', offer: 'Offer something' },
    posted: (what: string, title: string, id: number, channel: string) =>
      `Your ${what} “${title}” (#${id}) is posted in ${channel}.`,
    savedListed: (what: string, title: string, id: number) =>
      `Your ${what} “${title}” (#${id}) is saved. Members see it in \`/alumni asks\`.`,
    savedMatches: (what: string, title: string, id: number) =>
      `Your ${what} “${title}” (#${id}) is saved. Only members whose interests match its tags see it, in \`/alumni asks\`; it gets no card in the channel.`,
    notPosted: (what: string, title: string, id: number, channel: string) =>
      `Your ${what} “${title}” (#${id}) is saved, but I could not post its card in ${channel}: invite me with \`/invite @Homecoming\`. Members still see it in \`/alumni asks\`.`,
    afterPosting:
      'When someone responds, I open a group DM for the two of you. `/alumni asks mine` shows who responded, and lets you mark it resolved or extend it.',
    anAlum: 'an alum',
    cardFrom: (who: string) => `From ${who}`,
    cardOpenUntil: (date: string) => `Open until ${date}`,
    cardId: (type: string, id: number) => `${type} #${id}`,
    responses: (count: number) => (count === 1 ? '1 response' : `${count} responses`),
    respondButton: { ask: 'I can help', offer: 'I’m interested' },
    cardHowItWorks: 'Press the button and I open a group DM for you and the author.',
    cardResolved: 'Resolved',
    cardLapsed: 'Lapsed',
    cardThanks: (names: string) => `Thanks to ${names} for their help!`,
    cardThanksCounted: (count: number) =>
      count === 1 ? 'Thanks to 1 helper!' : `Thanks to ${count} helpers!`,
    andMore: (count: number) => `and ${count} more`,
    listHeading: (shown: number, total: number) =>
      `*Open asks and offers* (${shown} of ${total}), those matching your interests first`,
    listHeadingTags: (tags: string, shown: number, total: number) =>
      `*Open asks and offers tagged ${tags}* (${shown} of ${total})`,
    listNone: 'Nothing is open right now. Post something with `/alumni ask` or `/alumni offer`.',
    listNoneTags: (tags: string) => `Nothing open is tagged ${tags}.`,
    picksMore: (count: number) =>
      `${count === 1 ? '1 more is' : `${count} more are`} open for you: \`/alumni asks\` lists them, those matching you first.`,
    homeHeading: 'Asks and offers for you',
    homeNone:
      'Nothing open matches your interests or what you are open to right now. `/alumni asks` lists every open ask and offer; `/alumni ask` or `/alumni offer` posts one.',
    matching: (tags: string) => `Matches: ${tags}`,
    mineHeading: '*Your asks and offers*',
    mineNone: 'You have posted nothing yet. Try `/alumni ask` or `/alumni offer`.',
    responders: (who: string) => `Responded: ${who}`,
    noResponders: 'Nobody has responded yet.',
    status: { open: 'Open', resolved: 'Resolved', lapsed: 'Lapsed' },
    resolveButton: 'Mark resolved',
    extendButton: (days: number) => `Extend ${days} days`,
    respondDone: (who: string, title: string) =>
      `Thank you! I am opening a group DM with ${who} about “${title}”.`,
    respondAgain: (title: string) => `You already responded to “${title}”; your group DM is open.`,
    ownItem: 'That one is yours: responses to it come to you.',
    notFound: (id: string) => `There is no ask or offer #${id} that you can see.`,
    notOpen: {
      resolved: 'That one is resolved already. Thank you all the same!',
      lapsed: 'That one has lapsed.',
    },
    notAuthor: (id: number) => `Only its author or an admin can change #${id}.`,
    matchIntro: {
      ask: (responder: string, author: string, title: string, id: number) =>
        `:raised_hands: ${responder} can help with ${author}'s ask *${title}* (#${id}).`,
      offer: (responder: string, author: string, title: string, id: number) =>
        `:raised_hands: ${responder} is interested in ${author}'s offer *${title}* (#${id}).`,
    },
    matchShared: (tags: string) => `You both are interested in ${tags}.`,
    matchSuggest: 'Say hello and take it from here.',
    reminderDm: (what: string, title: string, id: number, date: string) =>
      `:hourglass_flowing_sand: Your ${what} *${title}* (#${id}) lapses on ${date}. Still open? Extend it, or mark it resolved.`,
    lapsedDm: (what: string, title: string, id: number, command: string) =>
      `Your ${what} *${title}* (#${id}) has lapsed. Post it again with \`${command}\` if it still stands.`,
    thanksDm: (author: string, what: string, title: string) =>
      `:pray: ${author} thanked you for your help with their ${what} *${title}*.`,
    resolveTitle: 'Mark resolved',
    resolveLead: (title: string) => `Mark “${title}” resolved?`,
    thankLabel: 'Thank these helpers',
    thankHint:
      'Each one you tick gets a thank-you DM, and the card in the channel says thanks (naming those whose profile all alumni may see).',
    nobodyToThank: 'Nobody responded, so there is nobody to thank.',
    resolvedDone: (title: string) => `“${title}” is marked resolved.`,
    resolvedThanked: (who: string) => `I thanked ${who}.`,
    resolvedAlready: (title: string) => `“${title}” was already resolved.`,
    extended: (title: string, date: string) => `“${title}” is open until ${date} now.`,
    statsHeading: 'Asks and offers',
    statsAsks: (open: string, resolved: string, lapsed: string) =>
      `Asks: ${open} open · ${resolved} resolved · ${lapsed} lapsed`,
    statsOffers: (open: string, resolved: string, lapsed: string) =>
      `Offers: ${open} open · ${resolved} resolved · ${lapsed} lapsed`,
    statsHelp: (responses: string, helpers: string) =>
      `Responses: ${responses} · helpers thanked: ${helpers}`,
    csvTitle: 'Asks and offers, one row per item (CSV)',
    csvSent: 'A third file has one row per ask and offer.',
    csvSentEvents: 'A second file has one row per ask and offer.',
  },
  /** Collaboration channels of asks and offers (issue 13 §2). */
  mentoring: {
    usage:
      'Try `mentor offer SaaS, fundraising` (topics you mentor on), `mentor capacity 3`, `mentor open|limited|closed`, `mentor request SaaS: raise a seed round` (topics, a colon, then your goal), `mentors SaaS` to find mentors, or `mentor` for your status.',
    availability: { open: 'open', limited: 'limited', closed: 'closed' },
    offered: (topics: string, capacity: number, availability: string) =>
      `Thank you! You mentor on ${topics}, up to ${capacity} mentee(s) at once, availability: ${availability}. Members who ask for a mentor on these topics may be sent to you; you accept or decline each request.`,
    capacitySet: (capacity: number, active: number) =>
      `Your capacity is now ${capacity} mentee(s) at once (${active} now). Nothing changes for the mentees you have.`,
    availabilitySet: (availability: string) =>
      `Your availability is now: ${availability}. Open mentors are suggested first, limited ones after them; closed ones are not suggested.`,
    notMentor:
      'You have not offered to mentor yet. Start with `mentor offer <topics>`, e.g. `mentor offer SaaS, fundraising`.',
    capacityRange: (max: number) =>
      `The capacity is a whole number from 1 to ${max}, e.g. \`mentor capacity 3\`.`,
    topicsRequired: 'Name at least one topic, e.g. `mentor offer SaaS, fundraising`.',
    requestUsage:
      'Write the topics, a colon, then your goal, e.g. `mentor request SaaS, fundraising: raise a seed round this year`.',
    goalTooLong: (max: number) => `Your goal is longer than ${max} characters. Please shorten it.`,
    requestPending: (id: number) =>
      `Your request #${id} is still waiting for a mentor's answer. I will tell you how it goes; you can ask again once it is settled.`,
    noMentor: (tags: string) =>
      `No mentor with a free place mentors on ${tags} right now. Nothing was sent. Try other topics, or look with \`mentors\`.`,
    requested: (id: number, mentors: string) =>
      `Request #${id} saved. I suggest ${mentors}, and ask them one at a time, first to last: each has 7 days to accept or decline. I will tell you when someone accepts.`,
    findHeading: (shown: number, total: number) =>
      `*Mentors with a free place* (${shown} of ${total}), most shared topics first`,
    findLine: (who: string, topics: string, free: number, availability: string) =>
      `${who} · ${topics} · ${free} place(s) free · ${availability}`,
    findHint: 'To ask for one, send `mentor request <topics>: <your goal>`.',
    findNone: (tags: string) => `No mentor with a free place mentors on ${tags} right now.`,
    findNoTopics:
      'Name topics, e.g. `mentors SaaS`, or add interests to your profile so I can search by them.',
    statusHeading: '*Your mentoring*',
    statusOffer: (topics: string, active: number, capacity: number, availability: string) =>
      `You mentor on ${topics}: ${active} of ${capacity} place(s) taken, availability: ${availability}.`,
    statusNoOffer: 'You do not mentor yet (`mentor offer <topics>`).',
    statusMentee: (mentee: string, state: string) => `Mentoring ${mentee} (${state})`,
    statusMentor: (mentor: string, state: string) => `Mentored by ${mentor} (${state})`,
    pairState: { active: 'active', paused: 'paused', ended: 'ended' },
    statusRequest: (id: number, goal: string, state: string) => `Request #${id} “${goal}”: ${state}`,
    requestState: { pending: 'waiting for a mentor', accepted: 'accepted', unmatched: 'no mentor was free' },
    statusWaiting: (requester: string, goal: string) => `${requester} asks you to mentor them: “${goal}”`,
    homeHeading: 'Mentoring',
    homeNone:
      'You neither mentor nor have a mentor. Offer with `/alumni mentor offer <topics>`, or ask for one with `/alumni mentor request <topics>: <goal>`.',
    aMember: 'a member',
    askDm: (requester: string, goal: string, topics: string, days: number) =>
      `:seedling: ${requester} is looking for a mentor on ${topics}.\n>${goal}\nCan you mentor them? If I hear nothing in ${days} days, I ask the next mentor.`,
    acceptButton: 'Accept',
    declineButton: 'Decline',
    accepted: (mentee: string) => `You are now mentoring ${mentee}. I opened a group DM for the two of you.`,
    declined: 'Thank you for answering. I have passed the request on.',
    atCapacity: (capacity: number) =>
      `All your ${capacity} place(s) are taken, so I passed the request on to the next mentor. Raise your capacity with \`mentor capacity <number>\` if you want more mentees.`,
    notAsked: 'This request is not waiting on you (any more): someone else answered it, or it moved on.',
    unmatched: (goal: string) =>
      `None of the mentors I suggested could take your request “${goal}”. Nothing else happens; try again with other topics (\`mentors\` lists who has a free place).`,
    paired: (mentor: string, mentee: string, goal: string) =>
      `:handshake: ${mentor} agreed to mentor ${mentee}. The goal: “${goal}”. Say hello and plan a first conversation; I will check in once a month.`,
    checkin: (mentor: string, mentee: string) =>
      `:wave: How is it going, ${mentor} and ${mentee}? Continue, pause for now, or end the mentoring.`,
    continueButton: 'Continue',
    pauseButton: 'Pause',
    endButton: 'End',
    checkinDone: {
      continue: 'Noted: the mentoring continues. I will check in again next month.',
      pause: 'Noted: the mentoring is paused. Press Continue on a later check-in to pick it up again.',
      end: 'Noted: the mentoring has ended, and the place is free again. Thank you both!',
    },
    checkinSame: 'Nothing changed: that was already the case, or the mentoring had ended.',
    notInPair: 'Only the mentor and the mentee can answer this check-in.',
    notFound: (id: string) => `There is no mentoring request or pair #${id}.`,
    statsHeading: 'Mentoring',
    statsMentors: (mentors: string, free: string) => `Mentors: ${mentors} · free places: ${free}`,
    statsPairs: (active: string, paused: string, ended: string) =>
      `Pairs: ${active} active · ${paused} paused · ${ended} ended`,
    statsRequests: (pending: string, unmatched: string) =>
      `Requests: ${pending} waiting · ${unmatched} without a mentor`,
  },
  /** Who may join (issue 14 §1). */
  approval: {
    notFound: 'That join request no longer exists (it may have been erased). Nothing was changed.',
    needRequest:
      'Your membership needs an admin’s approval before you can use this. Press “Ask to join” to tell the admins who you are. Meanwhile you can read `help` and the community text, and export or erase your data (`privacy`).',
    pending:
      'Your request to join is waiting for an admin: you will get a message here when they decide. Meanwhile you can read `help` and the community text, and export or erase your data (`privacy`).',
    asked: (question: string) =>
      `Before approving your request to join, an admin asked you:\n>${question}\nPress “Answer” (or run \`/alumni join\`) to send the form again with your answer.`,
    declined: (reason: string) =>
      `Your request to join was declined:\n>${reason}\nIf you think this is a mistake, please contact an admin. You can still export or erase your data (\`privacy\`).`,
    askButton: 'Ask to join',
    answerButton: 'Answer',
    alreadyMember: 'You are already a member of the community: nothing more to do.',
    approvedNow:
      'Welcome! Your Slack email is on the community’s list, so you are approved. Next, set up your profile with `/alumni profile`.',
    openFormLead: 'Press the button to tell the admins who you are.',
    modalTitle: 'Ask to join',
    sendButton: 'Send',
    formLead: (community: string) =>
      `Tell the admins of ${community} who you are, so that they can approve you. Only admins read this.`,
    formAskedLead: (question: string) => `An admin asked you:\n>${question}`,
    employeeId: 'Former employee id (if you know it)',
    employeeIdHint: 'As on your payslips or HR letters, e.g. E12345. Leave it empty if you do not know it.',
    factEmpty: 'Please answer this: the admins need it to approve you.',
    factTooLong: (max: number) => `Please keep this under ${max} characters.`,
    employeeIdBad:
      'An employee id has only letters, digits, dots, dashes and underscores (at most 64), e.g. E12345. Leave it empty if you do not know it.',
    sentPending:
      'Thank you! Your request was sent to the admins. You will get a message here when they decide.',
    sentAnswered: 'Thank you! Your answer was sent to the admins.',
    sentApproved: 'Welcome! You are approved. Next, set up your profile with `/alumni profile`.',
    unchanged: 'This request was already sent; nothing more was done.',
    approvedDm: (community: string) =>
      `Welcome to ${community}! An admin approved your request to join. Next, set up your profile with \`/alumni profile\`.`,
    askedDm: (question: string) =>
      `Before approving your request to join, an admin asked you:\n>${question}\nRun \`/alumni join\` to send the form again with your answer.`,
    declinedDm: (reason: string) =>
      `Your request to join was declined:\n>${reason}\nIf you think this is a mistake, please contact an admin.`,
    cardTitle: 'Request to join',
    cardFrom: (who: string) => `*From:* ${who}`,
    cardEmployeeId: (id: string) => `*Former employee id:* ${id}`,
    cardStatus: (status: string) => `*Status:* ${status}`,
    cardQuestion: (question: string) => `*Asked:* ${question}`,
    cardReason: (reason: string) => `*Reason:* ${reason}`,
    notAnswered: '(not answered)',
    status: {
      pending: 'waiting for an admin',
      asked: 'asked for more',
      approved: 'approved',
      declined: 'declined',
    },
    via: {
      list_email: 'the eligible list (email)',
      list_employee_id: 'the eligible list (employee id)',
      domain: 'the email domain',
      admin: 'an admin',
    },
    trailHeading: 'History',
    trailLine: (when: string, what: string, who: string) => `${when} · ${what} · ${who}`,
    actions: {
      requested: 'asked to join',
      answered: 'answered',
      approved: 'approved',
      asked: 'asked for more',
      declined: 'declined',
    },
    theBot: 'automatically',
    anErasedMember: 'an erased member',
    approveButton: 'Approve',
    askMoreButton: 'Ask for more',
    declineButton: 'Decline',
    approvedReply: (who: string) => `You approved ${who}; they were told.`,
    askedReply: (who: string) => `Your question was sent to ${who}.`,
    declinedReply: (who: string) => `You declined ${who}’s request; they were told why.`,
    decidedAlready: (who: string, status: string, by: string) =>
      `${who}’s request is already ${status} (by ${by}); nothing was changed.`,
    askTitle: 'Ask for more',
    askLabel: 'Your question (the newcomer reads it)',
    declineTitle: 'Decline',
    declineLabel: 'Reason (the newcomer reads it)',
    noteEmpty: 'Please write it: the newcomer reads it.',
    noteTooLong: (max: number) => `Please keep it under ${max} characters.`,
    noAdminChannel:
      'ADMIN_CHANNEL_ID is not set, so this request to join comes to you by direct message. Set it to a private channel of admins to decide requests there.',
    adminUsage:
      'Usage: `/alumni admin eligible import`: first share a CSV file of Slack emails or former-employee ids (one per line or cell) in our direct messages, then run this.',
    importNoFile:
      'I found no CSV file in our direct messages. Share the file (Slack emails or former-employee ids, one per line) in this DM with me, then run `/alumni admin eligible import` again. Nothing was loaded.',
    importTooBig: (maxKb: number) =>
      `That file is larger than ${maxKb} KB, so I did not load it. Split it into smaller files and import each. Nothing was loaded.`,
    importUnreadable:
      'Slack would not give me that file (I may be missing the files:read scope). Nothing was loaded.',
    importDone: (name: string, loaded: number, duplicated: number, skipped: number) =>
      `Eligible list imported from *${name}*: ${loaded} loaded, ${duplicated} already on the list, ${skipped} skipped.`,
    importSkipped: (lines: string) => `Skipped (neither an email nor an employee id): ${lines}`,
  },
  /** Reports to moderators (issue 14 §2). */
  supporters: {
    notFound: (id: string) => `There is no proposal #${id}.`,
    kind: { event: 'event', announcement: 'announcement' },
    status: {
      pending: 'waiting for an organizer',
      approved: 'approved and posted',
      declined: 'declined',
      posted: 'posted',
    },
    proposed: (kind: string, title: string, channel: string) =>
      `Thank you! Your ${kind} *${title}* for ${channel} went to the organizers for approval. I will tell you when one of them decides.`,
    postedCredited: (kind: string, title: string, channel: string) =>
      `Your ${kind} *${title}* is set for ${channel}, credited to you as its host.`,
    cardHeader: { event: 'Event proposal', announcement: 'Announcement proposal' },
    cardFrom: (user: string, id: number) => `Proposed by ${user} · proposal #${id}`,
    cardChannel: (channel: string) => `For ${channel}`,
    cardFirstAt: (when: string) => `First post: ${when}`,
    approveButton: 'Approve',
    declineButton: 'Decline',
    cardApproved: (who: string) => `:white_check_mark: Approved by ${who} and posted.`,
    cardDeclined: (who: string) => `:no_entry_sign: Declined by ${who}.`,
    cardReason: (reason: string) => `Reason: ${reason}`,
    someone: 'an organizer',
    approved: (id: number) => `Proposal #${id} approved and posted. The supporter will be told.`,
    declined: (id: number) => `Proposal #${id} declined. The supporter will be told.`,
    alreadyDecided: (id: number, status: string, who: string) =>
      `Proposal #${id} was already ${status} by ${who}; nothing changed.`,
    declineTitle: 'Decline proposal',
    declineSubmit: 'Decline',
    reasonLabel: 'Reason (the supporter sees it)',
    reasonTooLong: (max: number) => `The reason is longer than ${max} characters. Please shorten it.`,
    approvedDm: (kind: string, title: string, channel: string) =>
      `:tada: Your ${kind} *${title}* was approved by an organizer and posted in ${channel}, credited to you. Thank you for hosting!`,
    declinedDm: (kind: string, title: string) =>
      `Your ${kind} *${title}* was not approved by the organizers this time.`,
    declinedReasonDm: (reason: string) => `Their reason: ${reason}`,
    hostedBy: (who: string) => `Hosted by ${who}`,
    aSupporter: 'a supporter who erased their data',
    aVolunteer: 'a member volunteer',
    homeHeader: 'Your proposals',
    homeLine: (kind: string, title: string, status: string) => `${kind}: *${title}* — ${status}`,
    eventsHosted: (count: number) => `Events hosted by supporters: ${count}`,
  },
  moderation: {
    notSetUp:
      'Reports to moderators are not set up in this workspace yet, so nothing was sent. If something needs attention, please tell an admin directly.',
    onlyInDm:
      'To keep reports private, `report` works in your direct messages with me: send me `report` or `report <message link>` there. You can also use *Report to moderators* in the message’s ⋮ menu.',
    badLink:
      'That is not a link to a Slack message. In Slack, open the message’s ⋮ menu, choose *Copy link*, and paste it (e.g. `report https://your-team.slack.com/archives/C0123ABCD/p1700000000123456`).',
    openFormLead: 'Report a message to the moderators: press the button to open the form.',
    openFormButton: 'Open the report form',
    modalTitle: 'Report to moderators',
    submit: 'Send report',
    intro:
      'The moderators (the community’s admins) get this report with a link to the message. The author is never told who reported it.',
    linkLabel: 'Link to the message',
    linkHint: 'In Slack, open the message’s ⋮ menu and choose Copy link.',
    linkMissing: 'Paste the link to the message you are reporting.',
    reasonLabel: 'Why are you reporting it?',
    reasonHint: 'The first choices are the points of our code of conduct.',
    reasonOther: 'Something else (say what in the note)',
    reasonMissing: 'Pick a reason.',
    noteLabel: 'A note for the moderators (optional)',
    notePlaceholder: 'What happened, and anything that helps the moderators understand it',
    noteTooLong: (max: number) => `The note is longer than ${max} characters. Please shorten it.`,
    shareLabel: 'Your name',
    shareChoice: 'Admins may see that I made this report',
    shareHint: 'Left unticked, nobody sees who reported, admins included.',
    sent: 'Thank you. Your report was sent to the moderators. I will tell you when it is resolved.',
    alreadyReported:
      'You have already reported that message, and the moderators have it: nothing more was sent. I will tell you when it is resolved.',
    cardTitle: (id: number) => `Report #${id}`,
    cardMessage: (link: string) => `Message: ${link}`,
    openMessage: 'open the message',
    messageIn: (channel: string) => `a message in ${channel}`,
    cardAuthor: (who: string) => `Written by: ${who}`,
    authorUnknown: 'not known (a link I could not read, or the author erased their data)',
    cardReason: (reason: string) => `Reason: ${reason}`,
    cardNote: (note: string) => `Note: ${note}`,
    cardReporter: (who: string) => `Reported by: ${who}`,
    reporterHidden: 'Reported by: the reporter chose not to share their name.',
    reporterErased: 'Reported by: the reporter has erased their data.',
    cardStatus: (status: string) => `Status: ${status}`,
    status: { open: 'open', acknowledged: 'acknowledged', resolved: 'resolved' },
    cardResolution: (note: string) => `Resolution: ${note}`,
    trailHeading: 'History',
    trailLine: (when: string, action: string, who: string) => `${when} · ${action} · ${who}`,
    actions: {
      reported: 'reported',
      acknowledged: 'acknowledged',
      reminded: 'author reminded',
      resolved: 'resolved',
    },
    aMember: 'a member',
    anErasedMember: 'a member who erased their data',
    acknowledgeButton: 'Acknowledge',
    remindButton: 'Remind the author',
    resolveButton: 'Resolve',
    acknowledged: (id: number) => `Report #${id} acknowledged. The card says so.`,
    acknowledgedAlready: (id: number) =>
      `Report #${id} was already acknowledged or resolved; nothing changed.`,
    reminded: (id: number, who: string) =>
      `I am sending ${who} a reminder of the code of conduct about the message of report #${id}. It does not say who reported it.`,
    remindedAlready: (id: number) =>
      `The author of report #${id} was already reminded; nothing more was sent.`,
    authorUnknownRefusal: (id: number) =>
      `I do not know who wrote the message of report #${id} (it came as a link I could not read, or the author erased their data), so I cannot remind them.`,
    resolveTitle: 'Resolve report',
    resolveLead: (id: number) =>
      `Report #${id}: what was done? The note is kept with the report and shown on its card; the reporter is only told that the report is resolved.`,
    resolveLabel: 'What was done',
    resolveEmpty: 'Write what was done, for the record.',
    resolveTooLong: (max: number) => `The note is longer than ${max} characters. Please shorten it.`,
    resolved: (id: number) => `Report #${id} resolved. The reporter will be told.`,
    resolvedAlready: (id: number) => `Report #${id} was already resolved; nothing changed.`,
    reminderDm: (link: string) =>
      `:wave: A moderator of the community asks you to look again at ${link} with our code of conduct in mind:`,
    yourMessage: 'one of your messages',
    resolvedDm: (link: string) =>
      `:white_check_mark: The moderators have resolved your report about ${link}. Thank you for helping keep the community a good place.`,
    aMessage: 'a message',
    notFound: (id: string) => `There is no report #${id}.`,
  },
  collab: {
    startButton: 'Start a channel',
    channelLine: (channel: string) => `Channel: ${channel}`,
    channelArchivedLine: (channel: string) => `Channel: ${channel} (archived)`,
    started: (channel: string, who: string) =>
      `I created ${channel}, invited ${who} and pinned the item at the top.`,
    leftOut: (who: string) =>
      `I did not add ${who}: their profile is not visible to all alumni, and the members of a channel see one another. I sent them a button to join if they wish.`,
    joinDm: (title: string, id: number, channel: string) =>
      `A channel was started for *${title}* (#${id}), which you responded to: ${channel}. Your profile is not visible to all alumni, so I did not add you: its members would see you there. Press the button if you want to join.`,
    joinButton: 'Join the channel',
    joined: (channel: string) => `I added you to ${channel}.`,
    notJoinable:
      'This channel cannot be joined through me any more: it was archived, or you are no longer on the item or group it was made for.',
    already: (channel: string) => `This one has a channel already: ${channel}.`,
    inProgress: 'The channel is being created: it will show up in your sidebar in a moment.',
    tooFew:
      'A channel needs someone besides you: nobody who may be invited has responded yet. Responders whose profile is not visible to all alumni are not invited.',
    notStarter: (id: number) => `Only its author or an admin can start a channel for #${id}.`,
    noFreeName: (name: string) =>
      `Every channel name I tried (${name}, ${name}-2, …) is taken. Rename one of those channels, then press again.`,
    refused: (code: string) =>
      `Slack did not let me create the channel (${code}). An admin may need to allow apps to create private channels; then press again.`,
    introLead: {
      ask: (author: string, title: string, id: number) =>
        `:handshake: This channel is for ${author}'s ask *${title}* (#${id}) and the people who responded.`,
      offer: (author: string, title: string, id: number) =>
        `:handshake: This channel is for ${author}'s offer *${title}* (#${id}) and the people who responded.`,
    },
    introQuiet: (days: number, grace: number) =>
      `If nobody writes here for ${days} days, I will say so here; ${grace} days later I archive the channel. Nothing is deleted.`,
    headsUp: (days: number, grace: number) =>
      `:zzz: Nobody has written here for ${days} days. If it stays quiet, I will archive this channel in ${grace} days; nothing is deleted. Write anything to keep it open.`,
    archiveNote: (days: number) => `Archived after ${days} days without a message.`,
  },
  /** Study groups that form when enough members want them (issue 13 §3). */
  study: {
    usage: 'Use `study` to see the study groups gathering members, or `study propose` to propose one.',
    modalTitle: 'Propose a study group',
    propose: 'Propose',
    topicLabel: 'Topic',
    topicPlaceholder: 'e.g. Rust for web developers',
    tagsLabel: 'Tags',
    tagsHint: (max: number) =>
      `Separated by commas, up to ${max}. Members with these interests hear of it in their digest.`,
    minLabel: 'Minimum members (you included)',
    minHint: (min: number, max: number, days: number) =>
      `From ${min} to ${max}. The group forms when this many count themselves in within ${days} days.`,
    rhythmLabel: 'Rhythm',
    rhythms: { weekly: 'weekly', biweekly: 'every other week', monthly: 'monthly' },
    errors: {
      topicEmpty: 'Give the group a topic.',
      topicTooLong: (max: number) => `Keep the topic within ${max} characters.`,
      tagsNeeded: 'Add at least one tag, so that members with that interest hear of it.',
      tooManyTags: (max: number) => `Use at most ${max} tags.`,
      minRange: (min: number, max: number) => `The minimum is a whole number from ${min} to ${max}.`,
      rhythmMissing: 'Choose how often the group meets.',
    },
    proposed: (topic: string, id: number, min: number, days: number) =>
      `Your study group *${topic}* (#${id}) is proposed. Members whose interests match hear of it in their digest; it forms when ${min} members (you included) count themselves in within ${days} days.`,
    listTitle: 'Study groups gathering members',
    listEmpty: 'No study group is gathering members right now. Propose one with `study propose`.',
    listLine: (topic: string, id: number, rhythm: string, backers: number, min: number) =>
      `*${topic}* (#${id}) · ${rhythm} · ${backers} of ${min} in`,
    proposedBy: (who: string) => `Proposed by ${who}`,
    aMember: 'a member',
    backersNamed: (names: string) => `In: ${names}`,
    othersIn: (count: number) => (count === 1 ? 'and 1 more' : `and ${count} more`),
    matched: (tags: string) => `Matches your interests: ${tags}`,
    youAreIn: 'You are in.',
    countIn: 'Count me in',
    countOut: 'Count me out',
    countedIn: (topic: string, backers: number, min: number) =>
      `You are in for *${topic}*: ${backers} of ${min}. When it forms, you are invited to its channel, where the members see one another.`,
    alreadyIn: (topic: string) => `You were already in for *${topic}*.`,
    formedNow: (topic: string, channel: string) =>
      `That made the minimum: *${topic}* has formed, and I invited everyone to ${channel}.`,
    formingLater: (topic: string) =>
      `*${topic}* has its members. I could not create its channel just now; I will try again shortly.`,
    countedOut: (topic: string) => `You are out of *${topic}*.`,
    notIn: (topic: string) => `You were not in for *${topic}*.`,
    notOpen: {
      forming: 'This group has its members and its channel is being created.',
      formed: 'This group has formed already; ask its members to invite you to its channel.',
      lapsed: 'This proposal lapsed without enough members. Propose it again with `study propose`.',
    },
    proposerStays:
      'You proposed this group, so you stay in. If not enough members join, it lapses by itself.',
    notHost: (id: number) =>
      `Only the proposer of study group #${id} can schedule its sessions, once it has formed.`,
    notFound: (id: string) => `Study group #${id} does not exist (any more).`,
    digestHeading: 'Study groups you might join',
    digestNotification: (count: number) =>
      count === 1 ? 'A study group you might join' : `${count} study groups you might join`,
    homeHeading: 'Study groups',
    homeNone:
      'No study group matching your interests is gathering members. `/alumni study` lists them all; `/alumni study propose` proposes one.',
    homeMore: (count: number) => `${count} more: \`/alumni study\` lists them all.`,
    homeProposer: 'You proposed this one.',
    homeGroups: 'Your study groups',
    homeGroupLine: (topic: string, channel: string) => `*${topic}* · ${channel}`,
    statsHeading: 'Study groups',
    statsGroups: (open: string, formed: string, lapsed: string) =>
      `Proposals gathering members: ${open} · formed: ${formed} · lapsed: ${lapsed}`,
    statsMembers: (members: string) => `Members in formed groups: ${members}`,
    csvTitle: 'Study groups, one row per group (CSV)',
    csvSent: 'Another file has one row per study group.',
    introLead: (topic: string, rhythm: string) =>
      `:books: Welcome to the study group *${topic}* (${rhythm}). Everyone here counted themselves in.`,
    introSessions: (who: string) =>
      `${who} schedules the sessions: each is an event with RSVPs and reminders.`,
    formedDm: (topic: string, channel: string) =>
      `Your study group *${topic}* has its members! I created ${channel} and invited everyone. Next: schedule the first session.`,
    scheduleButton: 'Schedule the first session',
    joinDm: (topic: string, channel: string) =>
      `The study group *${topic}* has formed in ${channel}. Your profile is not visible to all alumni, so I did not add you: its members would see you there. Press the button if you want to join.`,
    theProposer: 'The proposer',
    lapsedDm: (topic: string, backers: number, min: number, days: number) =>
      `The study group *${topic}* did not reach its ${min} members within ${days} days (${backers} counted in), so it has lapsed. Anyone may propose it again with \`study propose\`.`,
  },
  chapters: {
    usage:
      'Use `chapters` to see the chapters, `chapters join <name>` or `chapters leave <name>`. Admins: `chapters create <name> #channel` · `chapters lead add <name> @someone` · `chapters lead remove <name> @someone` · `chapters archive <name>`.',
    listHeading: 'Chapters',
    listNone: 'There are no chapters yet.',
    listLine: (name: string, channel: string, members: string) => `*${name}* · ${channel} · ${members}`,
    members: (count: number) => (count === 1 ? '1 member' : `${count} members`),
    youAreIn: 'you are a member',
    youLead: 'you lead it',
    listHint: 'Join one with `chapters join <name>`, leave with `chapters leave <name>`.',
    joined: (name: string, channel: string) =>
      `You joined the chapter *${name}*. Its events come first in your digest and in \`events\`; it meets in ${channel}.`,
    alreadyMember: (name: string) => `You are already a member of *${name}*.`,
    left: (name: string) => `You left the chapter *${name}*.`,
    notMember: (name: string) => `You are not a member of *${name}*, so there was nothing to leave.`,
    created: (name: string, channel: string) =>
      `Chapter *${name}* created, meeting in ${channel}. Name its leads with \`chapters lead add ${name} @someone\`.`,
    archived: (name: string) =>
      `Chapter *${name}* archived: it no longer appears in lists, digests or stats.`,
    confirmArchive: (name: string) =>
      `Archive the chapter *${name}*? Its leads can no longer post events for it without the organizer role.`,
    leadAdded: (who: string, name: string) =>
      `${who} now leads *${name}*: they may post its events and announcements in its channel.`,
    alreadyLead: (who: string, name: string) => `${who} already leads *${name}*.`,
    leadRemoved: (who: string, name: string) => `${who} no longer leads *${name}*.`,
    notLead: (who: string, name: string) => `${who} does not lead *${name}*, so nothing changed.`,
    unknown: (given: string) => `There is no chapter called “${given}”. Type \`chapters\` to see them all.`,
    didYouMean: (given: string, name: string) =>
      `There is no chapter called “${given}”. Did you mean *${name}*? Type \`chapters\` to see them all.`,
    gone: 'That chapter has been archived. Open the Home tab again to see the current ones.',
    nameTaken: (name: string) => `There is already a chapter called *${name}*. Choose another name.`,
    channelTaken: (name: string) =>
      `That channel already belongs to the chapter *${name}*. Choose another channel, or archive that chapter first.`,
    badName: (max: number) =>
      `Give the chapter a name of at most ${max} characters, e.g. \`chapters create Tokyo #tokyo-alumni\`.`,
    badChannel:
      'Name the chapter’s channel as a link: type # and pick it from the list, e.g. `chapters create Tokyo #tokyo-alumni`.',
    badLead: 'Name the lead with a mention from Slack’s @ list, e.g. `chapters lead add Tokyo @aiko`.',
    nameNeeded: (action: string) => `Name the chapter, e.g. \`chapters ${action} Tokyo\`.`,
    homeHeading: 'Chapters',
    homeNone: 'There are no chapters yet.',
    homeJoin: 'Join',
    homeLeave: 'Leave',
    homeMore: (count: number) => `${count} more: type \`/alumni chapters\` to see them all.`,
    statsHeading: 'Chapters',
    statsNone: 'No chapters yet.',
    statsLine: (name: string, members: string, upcoming: string, past: string) =>
      `*${name}*: members ${members} · upcoming events ${upcoming} · past events ${past}`,
  },
  dm: {
    notUnderstood: 'I did not understand that. Send `help` to see what I can do.',
  },
  delivery: {
    failed: (what: string, where: string, when: string) =>
      `:warning: I could not post ${what} to ${where} (due ${when}).`,
    quoted: (excerpt: string) => `“${excerpt}”`,
    aScheduledMessage: 'a scheduled message',
    toMember: (userId: string) => `a direct message to <@${userId}>`,
    reasons: {
      channelNotFound: 'The channel no longer exists, or I cannot see it.',
      archived: 'The channel is archived.',
      notInChannel:
        'I am not a member of that channel. Invite me with `/invite @Homecoming`, then schedule it again.',
      invalidMessage: 'Slack rejected the message as malformed.',
      tooLong: 'The message is too long for Slack.',
      memberUnavailable: 'That member cannot be reached (deactivated, or not found).',
      restricted: 'A workspace setting does not allow me to post there.',
      unverifiable:
        'An earlier attempt may or may not have gone out, and I could not check, so I did not try again.',
      gaveUp: (attempts: number, code: string) =>
        `Slack kept failing, so I gave up after ${attempts} attempts (last error: ${code}).`,
      other: (code: string) => `Slack refused it (${code}).`,
    },
    advice: 'If it still matters, please post it yourself or schedule it again.',
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
