import type { Catalogue } from './en';

/** 日本語のメッセージカタログ。en.ts と同じ形でなければならない（型で検査される）。 */
export const ja: Catalogue = {
  languageName: '日本語',
  roleName: { admin: '管理者', organizer: 'オーガナイザー', hr: '人事', supporter: 'サポーター' },
  openTo: {
    comeback: '再入社',
    referrals: 'リファラル（紹介）',
    mentoring: 'メンタリング',
    collaboration: '協業',
    speaking: '登壇',
  },
  visibility: {
    all: 'アルムナイ全員',
    staff: '管理者と人事のみ',
    nobody: '非公開',
  },
  common: {
    error: (ref: string) =>
      `申し訳ありません。こちら側で問題が起きたため、何も変更されていません。少し時間をおいてもう一度お試しください。（参照 ${ref}）`,
    permissionDenied: (roles: string) =>
      `この操作は${roles}のロールを持つメンバーだけが行えます。必要な場合は管理者に依頼してください。`,
    or: 'または',
    notAMention: (given: string) =>
      `${given} はメンションではありません。Slack の @ の候補から相手を選んでください。`,
    channelRefused: {
      not_member:
        '投稿できるのは、あなたが参加しているチャンネルだけです。先にそのチャンネルに参加するか、別のチャンネルを選んでください。',
      unreadable:
        'そのチャンネルを見ることができません。プライベートチャンネルの場合は、先に私を招待してから（`/invite @Homecoming`）もう一度お試しください。',
      unavailable:
        'いま Slack でそのチャンネルを確認できませんでした。少し待ってから、もう一度お試しください。',
    },
    none: '—',
    close: '閉じる',
    cancel: 'キャンセル',
    save: '保存',
    pageShowing: (from: number, to: number, total: number) =>
      `${total} 件中 ${from}〜${to} 件目を表示しています。`,
    pagePrevious: '前へ',
    pageMore: (from: number, to: number) => `もっと見る（${from}〜${to} 件目）`,
    pageInvalid: (again: string) =>
      `このボタンは古いか、Homecoming が作ったものではないため、何も表示しませんでした。${again}`,
    pageGone: (again: string) =>
      `このページを表示した後で一覧が変わり、ここから先の項目はもうありません。${again}`,
    pageAgainCommand: (command: string) => `\`${command}\` を実行すると最初から表示できます。`,
    pageAgainHome: 'ホームタブを開き直すと最初から表示されます。',
    confirm: '実行する',
    keep: 'やめておく',
    kept: 'やめておきました。変更はありません。',
  },
  help: {
    title: 'Homecoming でできること',
    intro: '`/alumni` の後に入力するか、スラッシュなしで私にダイレクトメッセージを送ってください。',
    staffHeading: 'オーガナイザーまたは人事として、次のこともできます',
    adminHeading: '管理者は次の操作もできます',
    lines: {
      profile:
        '`profile`：プロフィールを編集（在籍年、現在の所属、勤務地、自己紹介、関心のあること、公開範囲）',
      interests: '`interests`：関心タグの一覧 · `interests add design, python` · `interests remove python`',
      find: '`find <関心タグまたは語句>`：関心の近いアルムナイを探す（例：`find product management`）',
      events: '`events`：今後のイベント（参加・未定・不参加のボタンとカレンダーへのリンク付き）',
      jobs: '`jobs`：募集中の求人（関心に合うものから順に。「興味あり」「知人を紹介」「応募する」ボタン付き）',
      ask: '`ask` · `offer`：アルムナイに相談する（紹介、営業先、アドバイスなど）、または自分にできることをオファーする。反応した人とグループ DM でつながります',
      asks: '`asks`：募集中の相談とオファー（関心が一致するものから）· `asks mine`：自分の投稿と反応した人、解決済みにする・延長する · `asks 資金調達, SaaS`：タグで絞り込む',
      study:
        '`study`（勉強会）：参加者を募集中の勉強会（関心が一致するものから）と「参加する」ボタン · `study propose`（勉強会 提案）：テーマ・タグ・最少人数・頻度を決めて提案する。人数がそろうとチャンネルができます',
      mentor:
        '`mentor offer SaaS, 資金調達`：このテーマでメンターになる · `mentor capacity 3` · `mentor open|limited|closed` · `mentor request SaaS：目標`：メンターを探して依頼する · `mentor`：メンタリングの状況',
      mentors: '`mentors` · `mentors SaaS`：空きのあるメンター（共通のテーマが多い順）',
      report:
        '`report` · `report <メッセージのリンク>`（私とのDMで）：メッセージを非公開でモデレーターに報告 · メッセージの ⋮ メニューの「モデレーターに報告」も使えます',
      digest:
        '`digest`：関心に合う求人とイベントのダイジェスト · `digest weekly|daily|off` · `digest preview`',
      intros:
        '`intros on|off|snooze 4`:2週間ごとに、関心が共通するアルムナイとグループ DM でつながる · `intros` で状態を確認',
      privacy: '`privacy export`：保存されている自分のデータを受け取る · `privacy delete`：データを消去する',
      chapters:
        '`チャプター`：地域・職種のチャプター · `チャプター 参加 <名前>` · `チャプター 退会 <名前>`：参加したチャプターのイベントがダイジェストと `イベント` で先頭に表示されます',
      help: '`help`：この一覧',
      eventNew:
        '`event new`：イベントを作成（参加ボタン付きのカードとして投稿され、1日前と1時間前にリマインド）',
      eventManage: '`event edit 12` · `event cancel 12` · `event attendees 12`（一覧と CSV）',
      announce:
        '`announce`：お知らせを予約（1回または繰り返し） · `announce list` · `announce edit 3` · `announce cancel 3`',
      interestsUnmatched: '`interests unmatched`：日本語と英語の対応がまだない関心タグ（登録の多い順）',
      jobNew:
        '`job new`：求人を掲載（「興味あり」「知人を紹介」「応募する」付きのカードを投稿し、反応があるたびに採用担当へ DM）',
      jobManage:
        '`job edit 12`（求人を変更。カードにも反映） · `job close 12` · `job hired 12 @メンバー`（再入社の採用を記録） · `job post 12`（投稿できなかったカードを投稿）',
      jobReopen: '`job reopen 12`：締め切った求人の募集を再開する（カードにも表示されます）',
      jobContacts:
        '`job contacts 12 @aiko @ken`：応募前に興味のあるアルムナイと話してくれるチームの方（各自ボタンで承諾）· `job contacts 12` で一覧',
      digestSend: '`digest send`：予定を待たずに全員へダイジェストを今すぐ送る（結果は DM でお知らせ）',
      talent:
        '`talent 12` または `talent python, design`：求人や指定した関心に合う、カムバックに前向きなメンバー',
      stats: '`stats`：メンバー、人気の関心タグ、イベント、求人ごとの再入社ファネル',
      statsCsv:
        '`stats csv`：メンバーのエンゲージメント（人事と管理者には求人ごとのファネルも）を CSV ファイルで DM に送る',
      join: '`join`：コミュニティへの参加を申請（管理者の承認が必要な場合）、または管理者からの質問に回答',
      adminEligible:
        '`admin eligible import`：DM で共有した CSV ファイル（Slack のメールアドレスまたは元社員番号）から参加対象者の名簿を取り込む',
      chaptersAdmin:
        '`チャプター 作成 <名前> #チャンネル` · `チャプター リーダー 追加|削除 <名前> @メンバー`（リーダーはチャプターのチャンネルでイベントとお知らせを投稿できます） · `チャプター アーカイブ <名前>`',
      roles: '`roles`：管理者・オーガナイザー・人事・サポーターの一覧',
      supporterPropose:
        '`event new` · `announce`：イベントやお知らせを提案する（オーガナイザーが承認すると投稿され、サポーターが直接投稿できる設定ならすぐに投稿されます）。主催者としてあなたの名前が載ります',
      role: '`role add @メンバー organizer|hr|admin|supporter` · `role remove @メンバー organizer|hr|admin|supporter`',
      introsPreview: '`intros preview`：次回イントロの組み合わせと共通の関心（送信前の確認）',
      introsRun: '`intros run`：予定を待たずに今すぐイントロを実施（結果は DM でお知らせ）',
      interestsPair:
        '`interests pair ボルダリング bouldering`：日本語と英語の表記を同じ関心タグにする（登録済みのタグも移ります）',
    },
    supporterHeading: 'サポーターは次の操作ができます',
    organizerHeading: 'オーガナイザーは次の操作ができます',
    hrHeading: '人事は次の操作ができます',
    yourRoles: (roles: string) => `あなたのロール：${roles}`,
    japaneseNames: '日本語でも入力できます：',
  },
  unknownCommand: (word: string) => `「${word}」というコマンドはありません。使えるコマンドは次のとおりです：`,
  didYouMean: (word: string, name: string) =>
    `「${word}」というコマンドはありません。もしかして \`${name}\` ですか？使えるコマンドは次のとおりです：`,
  onboarding: {
    welcomeTitle: (community: string) => `${community}へようこそ！`,
    welcomeText: (community: string) => `${community}へようこそ！目的と行動規範をお読みください。`,
    purpose: 'このコミュニティの目的',
    eligibility: '参加できる方',
    conduct: '行動規範',
    agreeButton: '同意する',
    profileButton: 'プロフィールを設定',
    agreePrompt: '「同意する」を押すと、上記の行動規範に同意したことになります。',
    agreed: (date: string) =>
      `ありがとうございます。${date}に行動規範への同意を受け付けました。次は自己紹介をどうぞ。`,
    agreedText: '行動規範へのご同意ありがとうございます。',
    mustAgreeFirst:
      'Homecoming を使う前に、下記のコミュニティガイドラインをお読みのうえ「同意する」を押してください。その後、もう一度コマンドを実行してください。',
    agreeBeforeProfile:
      'まず行動規範に同意してください。ウェルカムメッセージの「同意する」を押すか、`/alumni profile` を実行すると表示されます。同意の後にプロフィールを設定できます。何も保存していません。',
    versionChanged:
      '前回の同意以降、コミュニティガイドラインが変更されました。内容をご確認のうえ、改めて同意してください。',
  },
  profile: {
    modalTitle: 'プロフィール',
    savedTitle: '保存しました',
    saved: 'プロフィールを保存しました。`/alumni profile` またはホームタブからいつでも変更できます。',
    displayName: '表示名',
    displayNamePlaceholder: 'アルムナイからの呼ばれ方',
    yearsFrom: '入社した年',
    yearsTo: '退職した年',
    yearPlaceholder: '例：2016',
    company: '現在の会社',
    title: '現在の役職',
    location: '所在地',
    locationPlaceholder: '都市、国',
    bio: '自己紹介',
    bioPlaceholder: '今していること、力になれること',
    interests: '関心のあること',
    interestsHint: 'カンマ区切りで入力してください（例：product management、python、テニス）。最大30件。',
    openTo: '前向きなこと',
    visibilityLabel: 'プロフィールの公開範囲',
    visibilityHint: '「非公開」にすると検索結果に一切表示されません。',
    errors: {
      yearNotNumber: '2016 のように4桁の西暦で入力してください。',
      yearRange: (min: number, max: number) => `${min}年から${max}年の間で入力してください。`,
      yearsOrder: '退職した年は入社した年より前にはできません。',
      invalidChoice: '表示されている選択肢から選んでください。',
      tooLong: (max: number) => `${max}文字以内で入力してください。`,
    },
    summaryYears: (from: string, to: string) => `在籍：${from}〜${to}`,
    summaryNow: (what: string) => `現在：${what}`,
    at: ' / ',
    empty: 'プロフィールはまだ入力されていません。',
  },
  interests: {
    list: (tags: string) => `あなたの関心タグ：${tags}`,
    none: '関心タグはまだありません。`/alumni interests add design, python` のように追加してください。',
    added: (tags: string, count: number) => `追加しました：${tags}。関心タグは全部で${count}件です。`,
    nothingNew: (tags: string) => `すでに登録済みです：${tags}。変更はありません。`,
    removed: (tags: string) => `削除しました：${tags}。`,
    notFound: (tags: string) => `登録されていません：${tags}。変更はありません。`,
    usage:
      '`/alumni interests` で一覧、`/alumni interests add design, python` で追加、`/alumni interests remove python` で削除できます。',
    errors: {
      empty:
        '追加する関心タグをカンマ区切りで指定してください（例：`/alumni interests add design, python`）。何も保存していません。',
      tooLong: (tag: string, max: number) =>
        `「${tag}」は${max}文字を超えています。短いタグにしてください。何も保存していません。`,
      tooMany: (count: number, max: number) =>
        `関心タグが${count}件になってしまいます。上限は${max}件です。先に \`/alumni interests remove …\` で減らしてください。何も保存していません。`,
      listTooLong: (maxChars: number, maxTags: number, maxTagLength: number) =>
        `入力が${maxChars}文字を超えています。関心タグは1人${maxTags}件まで、1件${maxTagLength}文字までです。何も保存していません。`,
    },
    modalTitle: '関心タグ',
    modalLabel: '関心のあること',
    pairUsage:
      '同じ関心の日本語と英語の表記を指定してください（例：`/alumni interests pair ボルダリング bouldering`）。何も保存していません。',
    pairNotBilingual:
      '片方を日本語、もう片方を英語で指定してください（例：`/alumni interests pair ボルダリング bouldering`）。何も保存していません。',
    pairTooLong: (max: number) => `それぞれ${max}文字までです。何も保存していません。`,
    pairAdded: (ja: string, en: string) =>
      `${ja} ⇄ ${en} を対応づけました。どちらで登録しても同じ関心タグになり、各メンバーには自分の言語で表示されます。`,
    pairMoved: (count: number) => `登録済みのタグ${count}件がこの関心タグに移りました。`,
    pairAlready: (ja: string, en: string) => `${ja} と ${en} はすでに同じ関心タグです。変更はありません。`,
    pairTaken: (ja: string, other: string) =>
      `${ja} はすでに ${other} と対応づけられています。何も保存していません。別の日本語表記を英語と対応づけるか、このままにしてください。`,
    unmatchedHeading: (count: number) =>
      `日本語と英語の対応がない関心タグ（登録の多い順に${count}件。数字は登録しているメンバー数で、非公開のメンバーは数えていません）：`,
    unmatchedLine: (tag: string, members: number) => `${tag}：${members}人`,
    unmatchedHint: '`/alumni interests pair <日本語> <英語>` で対応づけられます。',
    unmatchedNone: 'メンバーが登録している関心タグはすべて日本語と英語が対応づけられています。',
  },
  find: {
    usage: '探したいことを指定してください（例：`/alumni find product management`、`/alumni find 大阪`）。',
    tooLong: (max: number) => `検索語が${max}文字を超えています。関心タグや単語ひとつで試してください。`,
    none: (query: string) =>
      `「${query}」に一致するメンバーはまだいません。もっと広い関心タグで試すか、自分の関心タグに加えて見つけてもらいましょう。`,
    header: (query: string, count: number) => `「${query}」に一致するアルムナイ（${count}人）：`,
    shared: (tags: string) => `共通：${tags}`,
    more: (shown: number) => `上位${shown}人を表示しています。他の人を見るには検索を絞り込んでください。`,
  },
  privacy: {
    usage: '`/alumni privacy export` で自分のデータを受け取り、`/alumni privacy delete` で消去できます。',
    modalTitle: 'あなたのデータ',
    explain:
      'Homecoming が保存し、エクスポートに含まれるもの：プロフィール（名前、在籍年、現在の仕事、所在地、自己紹介、公開範囲）、関心タグ、前向きなこととその期限、ロールとあなたが付与したロール、行動規範への同意、表示言語、イベントへの回答、予約したお知らせ、ダイジェストの設定と届いた内容、求人への反応（興味あり、応募のクリック、あなたの紹介、連絡先を引き受けた求人）、コーヒーチャット、あなたの相談・オファーとあなたの反応、相談・オファーのコラボチャンネルと招待されたコラボチャンネル、あなたが提案・参加した勉強会とダイジェストで知らせた勉強会、メンタリング（メンターの登録、メンターへの依頼、あなたに届いた依頼、メンタリングのペア）、あなたがしたモデレーターへの報告（データを消去すると、名前とメモを除いて残ります）、参加申請（記入した内容と、承認した人・日時）、参加・リードしているチャプター（管理者として行ったチャプターの操作も含む）、サポーターとして提案したイベントとお知らせ（データを消去すると、承認待ちと見送りのものは削除され、投稿済みのものはあなたの名前を除いて残ります）、イントロと「会えましたか？」への回答、プロフィール見直しのリマインダー、依頼していない DM に割り当てた日（1 日 1 通まで）、Homecoming が把握しているあなたの参加するプライベートチャンネル、送信待ちのメッセージ。コピーを受け取ることも、すべて消去することもできます。',
    exportButton: 'データをエクスポート',
    deleteButton: 'データを削除',
    exportPreparing: 'データのエクスポートを準備しています。まもなくダイレクトメッセージで届きます。',
    exportComment: 'Homecoming があなたについて保存しているすべてのデータ（JSON）です。',
    exportSent: 'データのエクスポートを私とのダイレクトメッセージに送りました。',
    deleteConfirmText:
      'プロフィール、関心タグ、ロール、同意の記録を Homecoming から消去します。元に戻せません。よろしいですか？',
    deleteConfirmTitle: 'データを消去しますか？',
    deleteConfirmButton: 'すべて消去する',
    deleteCancelButton: '消去しない',
    deleteAsk: 'Homecoming からあなたのデータをすべて消去しますか？ボタンを押して確定してください。',
    deleted:
      '完了しました。Homecoming が保存していたあなたのデータはすべて消去されました。再び使うときは最初からになります。',
    nothingStored: 'Homecoming はあなたのデータを何も保存していません。',
  },
  roles: {
    usage:
      '`/alumni role add @メンバー organizer`、`/alumni role remove @メンバー hr`、`/alumni roles` のように使います。ロール：admin、organizer、hr、supporter。',
    badUser: 'メンバーを @ でメンションしてください（例：`/alumni role add @aiko organizer`）。',
    badRole: (given: string) =>
      `「${given}」はロールではありません。admin、organizer、hr、supporter のいずれかを指定してください。`,
    granted: (user: string, role: string) => `${user} さんを${role}にしました。`,
    alreadyHad: (user: string, role: string) => `${user} さんはすでに${role}です。変更はありません。`,
    revoked: (user: string, role: string) => `${user} さんの${role}ロールを外しました。`,
    didNotHave: (user: string, role: string) => `${user} さんは${role}ではありません。変更はありません。`,
    confirmRemove: (user: string, role: string) => `${user} さんの${role}ロールを外しますか？`,
    configuredAdmin: (user: string) =>
      `${user} さんは設定 ADMIN_USER_IDS による管理者です。外すにはその設定を変更してください。`,
    listHeader: 'このコミュニティのロール',
    listLine: (role: string, users: string) => `*${role}*：${users}`,
    fromSettings: '（設定による）',
    nobody: 'まだいません',
  },
  events: {
    modalNewTitle: '新しいイベント',
    modalEditTitle: 'イベントを編集',
    title: 'タイトル',
    description: '説明',
    startsAt: '開始',
    endsAt: '終了',
    place: '場所',
    placePlaceholder: '住所や会議室',
    url: 'オンラインのリンク',
    urlPlaceholder: 'https://…',
    channel: 'イベントカードを投稿するチャンネル',
    capacity: '定員',
    capacityHint: '空欄なら定員なし。満員のときは「参加」がキャンセル待ちになります。',
    tags: '関心タグ',
    tagsHint: 'これらの関心を持つメンバーに優先して表示されます（例：design, python）。',
    reminders: 'リマインダー',
    reminder: { '1w': '1週間前', '1d': '1日前', '1h': '1時間前', '15m': '15分前' },
    errors: {
      titleEmpty: 'イベントのタイトルを入力してください。',
      titleTooLong: (max: number) => `タイトルは${max}文字以内にしてください。`,
      startMissing: '開始日時を選んでください。',
      startInPast: '開始日時が過去になっています。未来の日時を選んでください。',
      dateInvalid: 'その日時は選択肢にありません。日付と時刻を選び直してください。',
      endMissing: '終了日時を選んでください。',
      endBeforeStart: '終了は開始より後にしてください。',
      urlInvalid: 'https:// から始まる完全なリンクを入力してください（例：https://meet.example.com/abc）。',
      capacityInvalid: '定員は1以上の整数で入力するか、空欄にしてください。',
      channelMissing: 'イベントカードを投稿するチャンネルを選んでください。',
      channelNotMember:
        'イベントカードは、あなたが参加しているチャンネルにだけ投稿できます。先にそのチャンネルに参加するか、別のチャンネルを選んでください。',
      channelUnreadable:
        'そのチャンネルを見ることができません。プライベートチャンネルの場合は、先に私を招待してから（`/invite @Homecoming`）もう一度送信してください。',
      channelUnavailable:
        'いま Slack でそのチャンネルを確認できませんでした。少し待ってから、もう一度送信してください。',
      tooLong: (max: number) => `${max}文字以内で入力してください。`,
    },
    going: '参加',
    maybe: '未定',
    notGoing: '不参加',
    addToCalendar: 'Google カレンダーに追加',
    downloadIcs: '.ics ファイル',
    cardGoing: (count: number, names: string) =>
      count === 0
        ? 'まだ参加者はいません。最初の参加者になりませんか？'
        : names === ''
          ? `*${count}人が参加*`
          : `*${count}人が参加*：${names}`,
    cardMore: (count: number) => `ほか${count}人`,
    cardMaybe: (count: number) => `未定 ${count}人`,
    cardWaitlist: (count: number) => `キャンセル待ち ${count}人`,
    cardCapacity: (left: number, capacity: number) => `残り${left}席（定員${capacity}）`,
    cardFull: (capacity: number) => `満員（定員${capacity}）：「参加」はキャンセル待ちになります`,
    cardCancelled: 'このイベントは中止になりました。',
    cardId: (id: number) => `イベント #${id}`,
    online: 'オンライン',
    yourAnswer: (answer: string) => `あなたの回答：${answer}`,
    status: { going: '参加', maybe: '未定', not_going: '不参加', waitlist: 'キャンセル待ち' },
    rsvpRecorded: (title: string, answer: string) => `「${title}」への回答を「${answer}」にしました。`,
    rsvpWaitlisted: (title: string) =>
      `「${title}」は満員のため、キャンセル待ちに登録しました。空きが出たらすぐにお知らせします。`,
    rsvpClosedCancelled: 'このイベントは中止になったため、回答を受け付けていません。',
    rsvpClosedEnded: 'このイベントは終了したため、回答を受け付けていません。',
    created: (title: string, channel: string) => `「${title}」を登録し、${channel} に投稿しました。`,
    createdNoCard: (title: string, channel: string) =>
      `「${title}」は保存しましたが、${channel} に投稿できませんでした。私をチャンネルに招待して（\`/invite @Homecoming\`）、イベントを編集すると投稿されます。`,
    updated: (title: string, count: number) =>
      count === 0
        ? `「${title}」を更新しました。お知らせが必要な回答者はいません。`
        : `「${title}」を更新しました。回答済みの${count}人に変更点をお知らせします。`,
    cancelledDone: (title: string, count: number) =>
      count === 0
        ? `「${title}」を中止しました。回答者はいないため、お知らせする相手はいません。`
        : `「${title}」を中止しました。回答済みの${count}人にお知らせします。`,
    alreadyCancelled: (title: string) => `「${title}」はすでに中止されています。`,
    confirmCancel: (title: string, count: number) =>
      count === 0
        ? `「${title}」を中止しますか？回答者はいないため、お知らせする相手はいません。リマインドも止まります。`
        : `「${title}」を中止しますか？回答した${count}人のメンバーにお知らせし、リマインドも止まります。`,
    endedCannotCancel: (title: string) =>
      `「${title}」はすでに終了しているため中止できません。変更はありません。`,
    onlyOwnerOrAdmin: (id: number) =>
      `イベント #${id} を変更・中止できるのは、作成したオーガナイザーと管理者だけです。変更はありません。`,
    notFound: (id: string) =>
      `イベント #${id} はありません。\`/alumni events\` で今後のイベントと番号を確認できます。`,
    notInAudience:
      'このイベントは、あなたが参加していないプライベートチャンネルのメンバー向けのため、表示や回答はできません。何も変更していません。',
    notInAudienceManage:
      'このイベントは、あなたが参加していないプライベートチャンネルのメンバー向けのため、オーガナイザーや管理者であっても表示や管理はできません。そのチャンネルのメンバーに依頼するか、チャンネルへの追加を依頼してください。何も変更していません。',
    idUsage: (verb: string) =>
      `イベント番号を指定してください（例：\`/alumni event ${verb} 12\`）。番号は \`/alumni events\` で確認できます。`,
    usage:
      '`/alumni event new`、`/alumni event edit 12`、`/alumni event cancel 12`、`/alumni event attendees 12` のように使います。',
    listTitle: '今後のイベント',
    listEmpty: '今後のイベントはまだありません。',
    listMatched: (tags: string) => `あなたの関心に一致：${tags}`,
    attendeesTitle: (title: string) => `「${title}」の回答者`,
    attendeesNone: '回答者はいません。',
    attendeesGroup: (answer: string, count: number, names: string) => `*${answer}*（${count}人）：${names}`,
    attendeesCsv: (title: string) => `「${title}」の参加者リスト（CSV）です。`,
    reminderThread: (title: string, when: string) =>
      `:alarm_clock: リマインダー：*${title}* は ${when} に始まります。`,
    reminderDm: (title: string, when: string, answer: string) =>
      `:alarm_clock: リマインダー：*${title}* は ${when} に始まります。あなたの回答は「${answer}」です。`,
    changedDm: (title: string, what: string) =>
      `:pencil2: *${title}* の${what}が変更されました。新しい詳細は次のとおりです。`,
    changedWhat: { title: 'タイトル', time: '日時', place: '場所', description: '説明' },
    cancelledDm: (title: string) => `:x: *${title}* は中止になりました。お申し込みありがとうございました。`,
    promotedDm: (title: string) => `:tada: 空きが出たため、*${title}* に参加できるようになりました。`,
    homeHeading: '参加予定のイベント',
    homeNone: '回答済みの今後のイベントはありません。`/alumni events` で予定を確認できます。',
    homeOrganizerHeading: '管理できるイベント',
  },
  announcements: {
    modalTitle: 'お知らせを予約',
    modalEditTitle: 'お知らせを編集',
    channel: 'チャンネル',
    text: 'メッセージ',
    textHint: 'Slack の書式が使えます：*太字*、_斜体_、<https://example.com|リンク>。',
    postAt: '投稿日時',
    repeat: '繰り返し',
    repeatOption: {
      none: '1回のみ',
      daily: '毎日',
      weekdays: '平日（月〜金）',
      weekly: '毎週',
      monthly: '毎月',
      cron: 'カスタム（cron 式）',
    },
    cron: 'cron 式',
    cronHint: '「カスタム」のときのみ：分 時 日 月 曜日（例：0 9 * * 1 で毎週月曜 9:00）。',
    errors: {
      channelMissing: '投稿するチャンネルを選んでください。',
      channelNotMember:
        'お知らせは、あなたが参加しているチャンネルにだけ予約できます。先にそのチャンネルに参加するか、別のチャンネルを選んでください。',
      channelUnreadable:
        'そのチャンネルを見ることができません。プライベートチャンネルの場合は、先に私を招待してから（`/invite @Homecoming`）もう一度送信してください。',
      channelUnavailable:
        'いま Slack でそのチャンネルを確認できませんでした。少し待ってから、もう一度送信してください。',
      textEmpty: '投稿するメッセージを入力してください。',
      textTooLong: (max: number) => `メッセージは${max}文字以内にしてください。`,
      firstAtMissing: '投稿日時を選んでください。',
      firstAtInPast: 'その日時は過去です。現在以降の日時を選んでください。',
      firstAtInvalid: 'その日時は選択肢にありません。投稿日時を選び直してください。',
      cronMissing: 'cron 式を入力してください（例：0 9 * * 1 で毎週月曜 9:00）。',
      cronInvalid:
        'cron 式として正しくないか、存在しない日付を指定しています。0 9 * * 1（毎週月曜 9:00）のように5つの項目で入力してください。',
      cronNever: 'その式では一度も実行されません。日と月の項目を確認してください。',
    },
    scheduledTitle: '予約しました',
    scheduled: (channel: string, runs: string) => `お知らせを ${channel} に投稿します。\n次回：${runs}`,
    listTitle: '予約済みのお知らせ',
    listEmpty: '予約済みのお知らせはありません。',
    listLine: (id: number, channel: string, next: string, repeat: string, author: string) =>
      `*#${id}* ${channel} · 次回 ${next} · ${repeat} · 作成者 ${author}`,
    cancelled: (id: number) => `お知らせ #${id} を取り消しました。今後は投稿されません。`,
    editNotActive: (id: number) => `お知らせ #${id} は終了または取り消し済みのため、編集できません。`,
    updatedTitle: 'お知らせを保存しました',
    alreadyCancelled: (id: number) => `お知らせ #${id} はすでに有効ではありません。変更はありません。`,
    confirmCancel: (id: number) => `お知らせ #${id} を取り消しますか？今後は投稿されません。`,
    onlyAuthorOrAdmin: (id: number) =>
      `お知らせ #${id} を変更・取り消しできるのは、作成者か管理者だけです。何も変更していません。`,
    notFound: (id: string) =>
      `お知らせ #${id} はありません。番号は \`/alumni announce list\` で確認できます。`,
    notInAudienceManage:
      'このお知らせは、あなたが参加していないプライベートチャンネルに投稿されるため、取り消せるのは作成者か、そのチャンネルに参加している管理者だけです。何も変更していません。',
    usage:
      '`/alumni announce` で予約、`/alumni announce list` で一覧、`/alumni announce cancel 3` で取り消しができます。',
    idUsage:
      'お知らせの番号を指定してください（例：`/alumni announce cancel 3`）。番号は `/alumni announce list` で確認できます。',
    unknownAuthor: '退会したメンバー',
    homeHeading: '予約済みのお知らせ',
  },
  digests: {
    title: 'アルムナイ・ダイジェスト',
    intro: 'あなたの関心タグから選びました。どれもあなたにとって初めてのお知らせです。',
    rolesHeading: '関心に合う求人',
    asksHeading: 'あなたに合う相談とオファー',
    asksNotification: (count: number) =>
      `アルムナイ・ダイジェスト：あなたに合う相談とオファーが ${count} 件あります`,
    eventsHeading: 'あなた向けの今後のイベント',
    matched: (tags: string) => `一致：${tags}`,
    workStyle: { onsite: '出社', hybrid: 'ハイブリッド', remote: 'リモート' },
    employmentType: {
      full_time: '正社員',
      contract: '契約',
      part_time: 'パートタイム',
      advisor: 'アドバイザー',
    },
    turnOff: 'ダイジェストを停止',
    footer: '毎週お届けしています。`/alumni digest daily`、`weekly`、`off` で変更できます。',
    footerDaily: '毎日お届けしています。`/alumni digest weekly` または `off` で変更できます。',
    notification: (roles: number, events: number) =>
      `アルムナイ・ダイジェスト：求人${roles}件、イベント${events}件`,
    nothing:
      '今は関心に合う新しいお知らせがないため、ダイジェストは届きません。`/alumni interests add …` で関心タグを追加できます。',
    previewLead: '今ダイジェストを送るとしたら、次の内容になります：',
    status: (frequency: string) => `ダイジェストの設定：${frequency}`,
    frequency: { weekly: '毎週', daily: '毎日', off: '停止中' },
    set: (frequency: string) => `ダイジェストを「${frequency}」に設定しました。`,
    turnedOff: 'ダイジェストを停止しました。`/alumni digest on` でいつでも再開できます。',
    usage: '`/alumni digest on`、`off`、`weekly`、`daily`、`preview`、（人事）`send` のように使います。',
    sendStarted: (recipients: number, nothingNew: number) =>
      `ダイジェストを開始しました：${recipients}人に送信、${nothingNew}人は新しい内容がありませんでした。配信が終わったら概要を DM でお知らせします。`,
    report: (sent: number, nothingNew: number, failed: number) =>
      `ダイジェストの配信が終わりました：送信 ${sent}件、該当なしで省略 ${nothingNew}件、未配信 ${failed}件。`,
    reportFailure: (reason: string, count: number) => `• ${count}件 × ${reason}`,
  },
  intros: {
    status: {
      never:
        'イントロには参加していません。`/alumni intros on` で参加すると、2週間ごとに関心が共通するアルムナイとグループ DM でおつなぎします。',
      off: 'イントロはオフです。`/alumni intros on` で再開できます。',
      on: (next: string) => `イントロはオンです。次回は${next}です。`,
      snoozed: (until: string) => `イントロは${until}まで一時停止中です。その後は自動で再開します。`,
    },
    noNextRound: '未定',
    turnedOn: (next: string) =>
      `参加しました！次回（${next}）、関心が共通するアルムナイとのグループ DM を開きます。一時停止は \`/alumni intros snooze 4\`、停止は \`/alumni intros off\` です。`,
    turnedOff:
      'イントロをオフにしました。今後おつなぎすることはありません。`/alumni intros on` でいつでも再開できます。',
    snoozed: (until: string) =>
      `一時停止しました：${until}まではイントロをお送りしません。\`/alumni intros on\` で早めに再開できます。`,
    snoozeNotOn:
      'イントロに参加していないため、一時停止するものがありません。`/alumni intros on` で参加できます。何も変更していません。',
    usage:
      '状態の確認は `/alumni intros`、ほかに `/alumni intros on`・`/alumni intros off`・`/alumni intros snooze 4`（週数）が使えます。管理者は `/alumni intros preview`・`/alumni intros run` も使えます。',
    snoozeUsage: (max: number) =>
      `何週間止めるかを 1〜${max} の数字で指定してください（例：\`/alumni intros snooze 4\`）。何も変更していません。`,
    activityNote: (days: number) =>
      `過去${days}日以内に Homecoming を使ったかイベントに回答したメンバーだけがおつなぎの対象です。`,
    introTitle: ':wave: ご紹介します！',
    introLead: {
      two: 'アルムナイとの出会いを希望されたお二人をおつなぎします。ぜひ挨拶してみてください！',
      three: 'アルムナイとの出会いを希望された皆さんをおつなぎします。ぜひ挨拶してみてください！',
    },
    introYears: (from: string, to: string) => `在籍 ${from}〜${to}`,
    introShared: (tags: string) => `共通の関心：${tags}`,
    introNothingShared: '今回は共通の関心が見つかりませんでした。新しいことを知るチャンスです。',
    introQuestion: (question: string) => `最初の話題にどうぞ：_${question}_`,
    introFooter:
      '1週間後にそれぞれにお声がけします。`/alumni intros snooze 4` で一時停止、`/alumni intros off` で停止できます。',
    introNotification: (names: string) => `ご紹介します：${names}`,
    questionsAbout: [
      (tag: string) => `${tag}を始めたきっかけは何ですか？`,
      (tag: string) => `最近${tag}について学んだ一番役立つことは何ですか？`,
      (tag: string) => `${tag}のために自由な午後があったら、何をしますか？`,
    ],
    questionsGeneral: [
      '最近取り組んでいることで、わくわくしているのは何ですか？',
      '会社にいた頃で一番懐かしいことは？逆にまったく懐かしくないことは？',
      '今年学んでみたいことは何ですか？',
    ],
    checkinText: (partners: string, when: string) => `${partners}とは会えましたか？${when}にご紹介しました。`,
    checkinYes: 'はい、会えました',
    checkinNotYet: 'まだです',
    checkinSkip: 'スキップ',
    answeredYes: '素晴らしい！教えてくださりありがとうございます :tada:',
    answeredNotYet: '急ぐ必要はありません。会えたらボタンを押してください。',
    answeredSkip: '承知しました。このイントロについては今後お聞きしません。',
    notInGroup: 'このイントロはあなたのものではないため、記録しませんでした。',
    previewTitle: (when: string) => `次回のイントロ：${when}`,
    previewNoRound: 'イントロの予定がありません。INTROS_CRON を確認してください。',
    previewSummary: (eligible: number, groups: number, leftOut: number) =>
      `対象 ${eligible} 人 · ${groups} グループ · 対象外 ${leftOut} 人（新しく会える相手がいない）`,
    previewGroup: (members: string, tags: string) => `${members}：${tags}`,
    previewNoShared: '共通の関心なし',
    previewHiddenShared: (count: number) => `共通の関心 ${count} 件はメンバーの公開設定により非表示`,
    previewMore: (count: number) => `…ほか ${count} グループ`,
    previewNote:
      '何も記録していません。今実行した場合の組み合わせです。参加・一時停止・活動状況によって変わることがあります。',
    previewEmpty: 'まだ対象者がいません。メンバーは `/alumni intros on` で参加します。',
    runStarted: 'イントロの組み合わせを作り、グループ DM を送り始めました。結果は DM でお知らせします。',
    runReport: (groups: number, members: number, leftOut: number) =>
      `ご依頼のイントロの組み合わせができました：${groups} グループ、紹介したメンバー ${members} 人、対象外 ${leftOut} 人（新しく会える相手がいない）。グループ DM を順に送ります。`,
    runNobody:
      'ご依頼のイントロでは誰も組み合わせられませんでした。参加中のメンバーに新しく会える相手がいません。',
    statsHeading: 'イントロ',
    statsLine: (rounds: string, introduced: string) =>
      `実施回数：${rounds} · 紹介したメンバー：${introduced}`,
    statsAnswers: (yes: string, notYet: string, skip: string) =>
      `「会えましたか？」はい ${yes} · まだ ${notYet} · スキップ ${skip}`,
    statsRate: (rate: string) => `会えた率：${rate}（はい ÷（はい+まだ））`,
  },
  availability: {
    askTitle: 'これらは今も有効ですか？',
    askIntro: (days: number) =>
      `プロフィールには、あなたが何に前向きかが表示されています。情報を新しく保つため、各項目は続けると答えない限り${days}日で期限切れになります。`,
    askFlag: (flag: string, until: string) => `*${flag}*：${until}まで`,
    keptFlag: (flag: string, until: string) => `:white_check_mark: *${flag}*：${until}まで延長しました`,
    goneFlag: (flag: string) => `~${flag}~：プロフィールから外れました`,
    keep: '続ける',
    drop: 'やめる',
    keepAll: 'すべて続ける',
    allDone: 'ありがとうございます！プロフィールからいつでも変更できます。',
    notification: (flags: string) => `今も前向きですか：${flags}`,
    footer:
      '何もしなければ、各項目は期限の日にプロフィールから外れます。プロフィールでいつでも再びチェックできます。',
    stale: 'このボタンはもう使えません。現在の状態はプロフィールで確認できます。',
    profileHint: (days: number) =>
      `各項目はここで保存してから${days}日間有効です。期限の1週間前にお聞きします。`,
  },
  talent: {
    usage:
      '`/alumni talent 12`（求人番号）または `/alumni talent product management, python`（関心）のように指定してください。',
    header: (what: string, count: number) => `カムバックに前向きで、${what}に合うメンバー（${count}人）：`,
    forRole: (id: number, title: string) => `求人 #${id}「${title}」`,
    none: (what: string) => `今のところ、カムバックに前向きで${what}に合うメンバーはいません。`,
    roleWithoutTags: (id: number, title: string) =>
      `求人 #${id}「${title}」には関心タグがないため、マッチできません。関心で検索してください（例：\`/alumni talent python, design\`）。`,
    matched: (tags: string) => `一致：${tags}`,
    until: (date: string) => `カムバックに前向き（${date}まで）`,
    more: (shown: number) => `上位 ${shown} 人を表示しています。`,
    tooLong: (max: number) => `検索が${max}文字を超えています。求人番号かいくつかの関心で試してください。`,
    note: 'カムバックに前向きで、プロフィールを全アルムナイ、または管理者と人事に公開しているメンバーだけを表示します。',
  },
  home: {
    greeting: (name: string) => `おかえりなさい、${name}さん`,
    greetingAnon: 'Homecoming へようこそ',
    profileHeading: 'プロフィール',
    interestsHeading: '関心タグ',
    openToHeading: '前向きなこと',
    visibilityLine: (who: string) => `公開範囲：${who}`,
    editProfile: 'プロフィールを編集',
    editInterests: '関心タグを編集',
    privacy: 'プライバシー',
    manage: (roles: string) => `あなたは${roles}です。\`/alumni help\` で管理できることを確認できます。`,
    notAgreed: 'はじめに、コミュニティガイドラインをお読みのうえ同意してください。',
    hint: 'ヒント：`/alumni find <関心タグ>` で関心の近いアルムナイを探せます。',
  },
  stats: {
    title: 'コミュニティの統計',
    asOf: (when: string) => `${when} 時点`,
    membersHeading: 'メンバー',
    total: '合計',
    agreed: '行動規範に同意',
    profileComplete: 'プロフィール入力済み（名前・在籍年・関心タグ）',
    active: (days: number) => `直近${days}日間に活動`,
    interestsHeading: (count: number, min: number) =>
      `関心タグ 上位${count}件（登録しているメンバー数。${min}人以上が登録しているタグのみ）`,
    interestLine: (rank: number, tag: string, members: string) => `${rank}. ${tag}：${members}人`,
    interestsNone: (min: number) => `${min}人以上が登録している関心タグはまだありません。`,
    eventsHeading: 'イベント',
    upcoming: (count: string) => `今後のイベント：${count}件`,
    upcomingRsvps: (going: string, maybe: string, waitlist: string) =>
      `今後のイベントへの回答：参加 ${going} · 未定 ${maybe} · キャンセル待ち ${waitlist}`,
    attendanceHeading: (count: number) => `出席（「参加」の回答数）、終了した直近${count}件のイベント`,
    attendanceLine: (title: string, date: string, going: string) => `${title}（${date}）：参加 ${going}人`,
    attendanceNone: '終了したイベントはまだありません。',
    funnelHeading: '再入社ファネル（全求人）',
    step: { shown: 'ダイジェストで表示', curious: '興味あり', applyClick: '応募クリック', hired: '採用' },
    stepLine: (step: string, count: string) => `${step}：${count}`,
    stepRateLine: (step: string, count: string, rate: string) => `${step}：${count}（${rate}）`,
    compactStep: (step: string, count: string, rate: string) => `${step} ${count}（${rate}）`,
    rateOf: {
      curiousPerShown: (rate: string) => `表示された人の${rate}`,
      applyPerCurious: (rate: string) => `興味ありの人の${rate}`,
      hiredPerApply: (rate: string) => `応募クリックした人の${rate}`,
    },
    referrals: (count: string) => `紹介：${count}件`,
    funnelNote:
      '全期間の数です。全体では、何件の求人に接しても各段階で1人1回と数えます（`stats csv` の合計行はこの数です）。求人ごとの数はその求人について1人1回のため、足し合わせると全体より多くなることがあります。率は直前の段階に対する割合で、「—」は直前の段階に誰もいないことを示します。求人チャンネルから直接「興味あり」や応募もできるため、100%を超えることがあります。',
    rolesHeading: (count: number) => `募集中の求人（動きの多い上位${count}件）`,
    rolesNone: '募集中の求人はありません。',
    roleTitle: (id: number, title: string) => `#${id} ${title}`,
    csvSent:
      'ダイレクトメッセージに CSV ファイルを2つ送りました：求人ごとの再入社ファネル（最後の行は /alumni stats と同じ数え方の合計）と、メンバーのエンゲージメントです。',
    csvFunnelTitle: '求人ごとの再入社ファネル（CSV）',
    csvTotalRow: (roles: number, unlisted: string) =>
      roles === 0
        ? '求人はまだありません。すべて 0 です。'
        : `全${roles}件の求人${unlisted}の合計：何件の求人に接しても各段階で1人1回と数えます（/alumni stats と同じ）。上の行は求人ごとに数えるため、足し合わせるとこれより多くなることがあります。`,
    csvUnlisted: (count: number) =>
      `（うち${count}件はあなたが参加していないチャンネルのため行がありません）`,
    csvMembersTitle:
      'メンバーのエンゲージメント（同意済みで、人事にプロフィールを公開しているメンバー、CSV）',
    csvSentEvents:
      'ダイレクトメッセージに CSV ファイルを送りました：プロフィールを全員に公開しているメンバーのイベント参加状況です。再入社ファネルとメンバーごとの求人への反応は、人事と管理者だけが受け取れます。',
    csvEventsTitle: 'イベント参加状況（全員に公開しているメンバー、CSV）',
    usage:
      'レポートは `/alumni stats`、CSV ファイルでダイレクトメッセージに受け取るには `/alumni stats csv` を使ってください。',
  },
  jobs: {
    modalTitle: '求人を掲載',
    modalEditTitle: '求人を編集',
    submit: '掲載',
    title: '職種名',
    team: 'チーム',
    location: '勤務地',
    locationPlaceholder: '都市・国、または「どこでも」',
    workStyle: '働き方',
    workStyles: { onsite: '出社', hybrid: 'ハイブリッド', remote: 'リモート' },
    employmentType: '雇用形態',
    employmentTypes: {
      full_time: '正社員',
      contract: '契約',
      part_time: 'パートタイム',
      advisor: 'アドバイザー',
    },
    description: '説明',
    descriptionPlaceholder: 'どんな仕事か、アルムナイにとっての魅力は何か',
    applyUrl: '応募リンク',
    applyUrlPlaceholder: 'https://careers.example.com/…',
    tags: '関心タグ',
    tagsHint: 'これらの関心を持つアルムナイに優先して表示されます（例：product management, python）。',
    recruiter: '採用担当',
    recruiterHint: '「興味あり」やリファラルがあるたびにダイレクトメッセージが届きます。',
    closesOn: '締切日',
    closesOnHint: '任意。この日が終わると自動的に募集を締め切ります。',
    channel: '掲載するチャンネル',
    channelHint: 'ヒント：JOBS_CHANNEL_ID を設定すると、すべての求人が同じチャンネルに掲載されます。',
    postedIn: (channel: string) => `この求人は ${channel} に掲載されます。`,
    errors: {
      titleEmpty: '職種名を入力してください。',
      titleTooLong: (max: number) => `職種名は${max}文字以内にしてください。`,
      tooLong: (max: number) => `${max}文字以内で入力してください。`,
      workStyleMissing: '出社・ハイブリッド・リモートのいずれかを選んでください。',
      employmentTypeMissing: '雇用形態を選んでください。',
      urlMissing: '応募先のリンクを入力してください。',
      urlInvalid:
        'https:// から始まる完全なリンクを入力してください（例：https://careers.example.com/123）。',
      recruiterMissing: '興味を持ったアルムナイと話す採用担当を選んでください。',
      channelMissing: '求人を掲載するチャンネルを選んでください。',
      channelNotMember:
        '求人は、あなたが参加しているチャンネルにだけ掲載できます。先にそのチャンネルに参加するか、別のチャンネルを選んでください。',
      channelUnreadable:
        'そのチャンネルを見ることができません。プライベートチャンネルの場合は、先に私を招待してから（`/invite @Homecoming`）もう一度送信してください。',
      channelUnavailable:
        'いま Slack でそのチャンネルを確認できませんでした。少し待ってから、もう一度送信してください。',
      closesOnInvalid: '日付ピッカーで日付を選ぶか、空欄にしてください。',
      closesOnInPast: 'その日はすでに終わっています。今日以降の日付を選ぶか、空欄にしてください。',
    },
    curiousButton: '興味あり',
    referButton: '知人を紹介',
    applyButton: '応募する',
    cardRecruiter: (who: string) => `採用担当：${who}`,
    cardCloses: (date: string) => `${date}まで募集`,
    cardId: (id: number) => `求人 #${id}`,
    cardHowItWorks: '「興味あり」は、話を聞いてみたいことを採用担当に伝えるものです。応募ではありません。',
    cardClosed: 'この求人の募集は終了しました。関心を寄せてくださった皆さん、ありがとうございました。',
    cardFilled: 'この求人は、アルムナイの再入社で決まりました。皆さん、ありがとうございました！',
    theHrTeam: '人事チーム',
    listTitle: '募集中の求人',
    listEmpty: '現在募集中の求人はありません。新しい求人はここと求人チャンネルに表示されます。',
    listMatched: (tags: string) => `あなたの関心に一致：${tags}`,
    listCurious: '採用担当に「興味あり」を伝え済みです。',
    curiousDone: (recruiter: string, title: string) =>
      `ありがとうございます！「${title}」に興味があることを ${recruiter} さんに伝えました。これは応募ではありません。${recruiter} さんから Slack でメッセージが届くので、気軽に話してみてください。すぐに応募したい場合は「応募する」を押してください。`,
    curiousSeesProfile: '担当者はあなたの Homecoming のプロフィールを見られます。',
    curiousSeesName: '担当者に伝わるのはお名前だけです。プロフィールはあなたの設定どおり非公開のままです。',
    curiousAgain: (recruiter: string, title: string) =>
      `「${title}」への興味はすでに ${recruiter} さんに伝えてあるため、もう一度は送っていません。担当者からの連絡をお待ちください。`,
    curiousNoRecruiter: (title: string) =>
      `承知しました。ただ「${title}」には現在 Homecoming 上の採用担当がいないため、誰にも伝えられませんでした。「応募する」からご応募ください。`,
    curiousDm: (member: string, title: string, id: number) =>
      `:wave: ${member} さんが *${title}*（求人 #${id}）に興味を持っています。応募ではなく気軽な意思表示です。準備ができたら声をかけてみてください。`,
    curiousDmPrivate: 'この方はプロフィールを非公開にしているため、表示していません。',
    curiousDmNoProfile: 'この方はまだプロフィールを登録していません。',
    curiousDmShared: (tags: string) => `求人と共通の関心：${tags}`,
    messageButton: 'メッセージを送る',
    referModalTitle: '知人を紹介',
    referSubmit: '送信',
    referIntro: (title: string) =>
      `*${title}* にぴったりの方はいますか？入力内容は採用担当に届き、進捗はあなたにお知らせします。`,
    referName: 'お名前',
    referContact: '連絡先',
    referContactPlaceholder: 'メール、電話番号、プロフィールのリンクなど',
    referRelationship: 'ご関係',
    referRelationshipPlaceholder: '例：Acme 社で3年間一緒に働いた',
    referNote: '採用担当に伝えたいこと',
    referErrors: {
      nameEmpty: '紹介する方のお名前を入力してください。',
      contactEmpty: '採用担当が連絡できる方法を入力してください。',
      tooLong: (max: number) => `${max}文字以内で入力してください。`,
    },
    referDoneTitle: '紹介を送信しました',
    referDone: (recruiter: string, name: string, title: string) =>
      `ありがとうございます！「${title}」への ${name} さんのご紹介を ${recruiter} さんに届けました。進捗があるたびにお知らせします。`,
    referDoneNoRecruiter: (name: string, title: string) =>
      `ありがとうございます！「${title}」への ${name} さんのご紹介を保存しました。現在この求人には Homecoming 上の採用担当がいないため、人事が対応します。`,
    referralDm: (referrer: string, name: string, title: string, id: number) =>
      `:handshake: ${referrer} さんから、*${title}*（求人 #${id}）に *${name}* さんの紹介がありました。`,
    referralContact: (contact: string) => `*連絡先：* ${contact}`,
    referralRelationship: (text: string) => `*ご関係：* ${text}`,
    referralNote: (text: string) => `*メモ：* ${text}`,
    referralStatusLine: (status: string) =>
      `状況：*${status}*。ボタンで進めると、そのたびに紹介者へ通知されます。`,
    referrerGone: '退会したメンバー',
    referralStatus: {
      new: '新規',
      contacted: '連絡済み',
      interviewing: '選考中',
      hired: '採用',
      closed: '終了',
    },
    moveButton: { contacted: '連絡済み', interviewing: '選考中', hired: '採用', closed: '終了' },
    moved: (name: string, status: string) =>
      `${name} さんの状況を *${status}* にしました。紹介者に通知します。`,
    movedNoReferrer: (name: string, status: string) =>
      `${name} さんの状況を *${status}* にしました。紹介者は Homecoming を退会しているため、通知はしません。`,
    moveSame: (name: string, status: string) => `${name} さんはすでに *${status}* です。変更はありません。`,
    moveRefused: '紹介の状況を進められるのは、その求人の採用担当、人事、管理者だけです。',
    referralMovedDm: {
      contacted: (name: string, title: string) =>
        `:speech_balloon: *${title}* へ紹介いただいた *${name}* さんに、採用担当から連絡しました。`,
      interviewing: (name: string, title: string) =>
        `:calendar: *${title}* へ紹介いただいた *${name}* さんは、現在選考中です。`,
      hired: (name: string, title: string) =>
        `:tada: *${title}* へ紹介いただいた *${name}* さんの採用が決まりました。本当にありがとうございます！`,
      closed: (name: string, title: string) =>
        `:lock: *${title}* へ紹介いただいた *${name}* さんの件は終了しました。ご紹介ありがとうございました。`,
    },
    notOpen: {
      closed: 'この求人は募集を終了したため、「興味あり」や紹介は受け付けていません。',
      filled: 'この求人は採用が決まったため、「興味あり」や紹介は受け付けていません。',
    },
    referralNotFound: 'その紹介はもう存在しません。',
    usage:
      '`/alumni jobs` で募集中の求人を確認できます。人事の方は `/alumni job new`、`/alumni job edit 12`、`/alumni job close 12`、`/alumni job hired 12 @メンバー`、`/alumni job post 12` が使えます。',
    idUsage: (verb: string) =>
      `求人番号を指定してください（例：\`/alumni job ${verb} 12\`）。番号は \`/alumni jobs\` で確認できます。`,
    newNeedsSlash: '求人のフォームはスラッシュコマンドから開きます。`/alumni job new` と入力してください。',
    hiredUsage: '求人番号と採用された方のメンションを指定してください（例：`/alumni job hired 12 @aiko`）。',
    notFound: (id: string) =>
      `求人 #${id} はありません。\`/alumni jobs\` で募集中の求人と番号を確認できます。`,
    notInAudience:
      'この求人は、あなたが参加していないプライベートチャンネルのメンバー向けのため、表示や回答はできません。何も変更していません。',
    notInAudienceManage:
      'この求人は、あなたが参加していないプライベートチャンネルのメンバー向けのため、人事や管理者であっても表示や管理はできません。そのチャンネルのメンバーに依頼するか、チャンネルへの追加を依頼してください。何も変更していません。',
    created: (title: string, channel: string, recruiter: string) =>
      `「${title}」を ${channel} に掲載しました。「興味あり」や紹介があるたびに ${recruiter} さんにダイレクトメッセージが届きます。`,
    createdNoCard: (title: string, channel: string, id: number) =>
      `「${title}」を求人 #${id} として保存しましたが、${channel} に投稿できませんでした。私をチャンネルに招待して（\`/invite @Homecoming\`）、\`/alumni job post ${id}\` を実行してください。`,
    posted: (title: string, channel: string) => `「${title}」を ${channel} に掲載しました。`,
    notPosted: (title: string, channel: string) =>
      `まだ「${title}」を ${channel} に投稿できません。\`/invite @Homecoming\` で私を招待してから、もう一度お試しください。`,
    alreadyPosted: (title: string) => `「${title}」はすでに掲載済みです。カードを最新の状態にしました。`,
    closedDone: (title: string) => `「${title}」の募集を締め切り、カードにも反映しました。`,
    alreadyClosed: (title: string) => `「${title}」はすでに募集していません。変更はありません。`,
    reopened: (title: string) => `「${title}」の募集を再開しました。カードにも反映しました。`,
    updated: (title: string) => `「${title}」を保存しました。カードにも反映しました。`,
    editNeedsSlash: (id: number) =>
      `求人のフォームはスラッシュコマンドから開きます。\`/alumni job edit ${id}\` と入力してください。`,
    alreadyOpen: (title: string) => `「${title}」はすでに募集中です。変更はありません。`,
    confirmClose: (title: string) => `「${title}」の募集を締め切りますか？カードにも締め切りと表示されます。`,
    hiredDone: (who: string, title: string) =>
      `:tada: ${who} さんを「${title}」の採用として記録し、求人を充足済みにしました。おかえりなさい！`,
    hiredAgain: (who: string, title: string) =>
      `${who} さんは「${title}」の採用としてすでに記録されています。変更はありません。`,
    homeHeading: 'あなたにおすすめの求人',
    homeNone: '現在募集中の求人はありません。',
    homeAddInterests: '関心タグを追加すると、あなたに合う求人が先に表示されます。',
    homeHrHeading: '募集中の求人とファネル',
    homeHrNone: '募集中の求人はありません。`/alumni job new` で掲載できます。',
    homeFunnel: (shown: number, curious: number, applyClicks: number, referrals: number, hired: number) =>
      `表示 ${shown} · 興味あり ${curious} · 応募クリック ${applyClicks} · 紹介 ${referrals} · 採用 ${hired}`,
  },
  coffee: {
    offer: '応募の前に、チームの方と気軽に話してみませんか？応募ではありません。',
    offerButton: 'チームの人と話してみる',
    requested: (title: string) =>
      `「${title}」のチームの方に、話せるかどうか聞いています。承諾されたらここでお知らせします。`,
    requestedAgain: (title: string) =>
      `「${title}」についての面談はすでに依頼済みのため、何も送っていません。`,
    noContacts: (title: string) =>
      `今は「${title}」のチームで話せる方がいません。採用担当者はあなたが興味を持っていることを知っています。準備ができたらいつでも「応募する」を押してください。`,
    inviteDm: (title: string, id: number) =>
      `:coffee: 人事があなたを、*${title}*（求人 #${id}）に興味のあるアルムナイと話してくれる方として追加しました。引き受けていただけますか？承諾されるまで、メンバーにあなたとの面談は案内されません。依頼ごとに「今回は見送る」こともできます。`,
    confirmButton: '承諾する',
    declineButton: '辞退する',
    inviteConfirmed: (title: string) =>
      `ありがとうございます！「${title}」に興味のあるアルムナイに、あなたとの面談を案内します。依頼のたびにダイレクトメッセージが届きます。`,
    inviteDeclined: (title: string) => `承知しました。「${title}」の連絡先としてはご案内しません。`,
    askDm: (member: string, title: string, id: number) =>
      `:coffee: ${member} さんが *${title}*（求人 #${id}）に興味を持っていて、応募の前にチームの方と少し話したいそうです。お願いできますか？`,
    acceptButton: '引き受ける',
    notNowButton: '今回は見送る',
    accepted: (member: string) => `ありがとうございます！${member} さんとのグループ DM を開きます。`,
    notNow: '承知しました。チームの別の方に聞いてみます。',
    alreadyAnswered: 'この依頼にはすでに回答済みのため、何も変わっていません。',
    notYours: 'このボタンはあなた宛てではありません。依頼された方だけが回答できます。',
    memberGone:
      'ありがとうございます。このメンバーはすでにコミュニティを離れたため、これ以上の対応は不要です。',
    askLapsed: (title: string) =>
      `ありがとうございます。このリクエストは取り下げられました。メンバーが「${title}」を見られなくなったため、これ以上の対応は不要です。`,
    askContactOutside: (title: string) =>
      `「${title}」が掲載されているチャンネルにもう参加していないため、チームの別の方にお願いします。これ以上の対応は不要です。`,
    groupIntro: (member: string, contact: string, title: string, id: number) =>
      `:coffee: こんにちは！${member} さんが *${title}*（求人 #${id}）に興味を持っていて、応募の前に話したいそうです。チームの ${contact} さんが快く引き受けてくれました。`,
    groupRecruiter: (recruiter: string) => `この求人の採用担当者は ${recruiter} さんです。`,
    groupShared: (tags: string) => `求人と共通の関心：${tags}`,
    groupSuggest: {
      two: 'お二人の都合のよい時間を決めてください。20 分ほどで十分です。面接ではなく、気軽な会話です。',
      three: '皆さんの都合のよい時間を決めてください。20 分ほどで十分です。面接ではなく、気軽な会話です。',
    },
    heldDm: (title: string) =>
      `:coffee: うれしいお知らせです。「${title}」のチームの方が話してくれることになりました。その方と採用担当者とのグループ DM を開きました。`,
    unavailableDm: (title: string) =>
      `:coffee: 申し訳ありません。今回は「${title}」のチームで話せる方が見つかりませんでした。あなたに問題があるわけではありません。採用担当者はあなたが興味を持っていることを知っているので、連絡があるかもしれません。準備ができたらいつでも応募できます。`,
    usage:
      '求人番号とチームの方のメンションを指定してください。例：`/alumni job contacts 12 @aiko @ken`。`/alumni job contacts 12` で一覧を表示します。',
    badUser: (given: string) =>
      `「${given}」はメンションではありません。チームの方を @ でメンションしてください。例：\`/alumni job contacts 12 @aiko\``,
    tooMany: (max: number) => `一度に追加できるのは ${max} 人までです。`,
    added: (who: string, title: string) =>
      `${who}に「${title}」について話してもらえるか確認をお願いしました。誰かが承諾すると、興味を持ったメンバーに面談が案内されます。`,
    alreadyAdded: (who: string) => `追加済み：${who}`,
    withState: (who: string, state: string) => `${who}（${state}）`,
    outsideChannel: (who: string, channel: string) =>
      `誰も追加していません。${who}はこの求人を見ることができません。求人が掲載されているプライベートチャンネル ${channel} に参加していないためです。先にそのチャンネルに招待するか、チャンネルにいるチームメンバーをメンションしてください。`,
    listHeading: (title: string, id: number) => `*「${title}」（求人 #${id}）のチーム連絡先*`,
    listNone: (title: string) =>
      `「${title}」にはまだチーム連絡先がいません。\`/alumni job contacts <求人番号> @メンバー\` で追加できます。`,
    state: { invited: '承諾待ち', confirmed: '承諾済み', declined: '辞退' },
    listCounts: (requested: number, held: number) => `面談：依頼 ${requested} 件 · 実施 ${held} 件`,
  },
  asks: {
    typeName: { ask: '相談', offer: 'オファー' },
    typeWord: { ask: '相談', offer: 'オファー' },
    kinds: {
      introduction: '会社や人の紹介',
      sales_lead: '顧客・営業先',
      partner: 'パートナー',
      fundraising: '投資家・資金調達',
      hiring: '自社での採用',
      freelance: 'フリーランス・業務委託',
      advice: 'アドバイス',
      other: 'その他',
    },
    audiences: {
      all: 'アルムナイ全員',
      matches: 'タグと関心が一致するメンバーのみ',
    },
    modalTitle: { ask: 'アルムナイに相談する', offer: 'オファーを出す' },
    post: '投稿する',
    kindLabel: '内容の種類',
    titleLabel: { ask: '何を求めていますか？', offer: '何を提供できますか？' },
    titlePlaceholder: {
      ask: '例：Acme 社の方を紹介してほしい',
      offer: '例：ピッチ資料のレビューをします',
    },
    detailsLabel: '詳細',
    detailsPlaceholder: '手伝えるかどうか判断するのに役立つ情報',
    tagsLabel: 'タグ',
    tagsHint: (max: number) =>
      `関心ごとをカンマ区切りで（${max} 個まで）。例：資金調達、SaaS。同じ関心を持つメンバーに優先して表示されます。`,
    audienceLabel: '公開範囲',
    daysLabel: '募集期間（日）',
    daysHint: (min: number, max: number, remind: number) =>
      `${min}〜${max} 日。締め切りの ${remind} 日前にお知らせし、延長もできます。`,
    errors: {
      kindMissing: '内容の種類を選んでください。',
      titleEmpty: '求めていること、提供できることを一行で書いてください。',
      titleTooLong: (max: number) => `${max} 文字以内にしてください。`,
      detailsTooLong: (max: number) => `詳細は ${max} 文字以内にしてください。`,
      tooManyTags: (max: number) => `タグは ${max} 個までです。`,
      tagsNeeded:
        'タグを 1 つ以上入れてください。「関心が一致するメンバーのみ」では、タグで表示する相手が決まります。',
      audienceMissing: '公開範囲を選んでください。',
      daysRange: (min: number, max: number) => `${min}〜${max} の整数で日数を入力してください。`,
    },
    usage:
      '`/alumni ask` または `/alumni offer` でフォームを開きます。`/alumni asks` で募集中の一覧、`/alumni asks mine` で自分の投稿、`/alumni asks 資金調達, SaaS` でタグで絞り込めます。',
    formInDm: 'ボタンを押すとフォームが開きます。',
    openButton: { ask: 'アルムナイに相談する', offer: 'オファーを出す' },
    posted: (what: string, title: string, id: number, channel: string) =>
      `${what}「${title}」（#${id}）を ${channel} に投稿しました。`,
    savedListed: (what: string, title: string, id: number) =>
      `${what}「${title}」（#${id}）を保存しました。メンバーは \`/alumni asks\` で見られます。`,
    savedMatches: (what: string, title: string, id: number) =>
      `${what}「${title}」（#${id}）を保存しました。タグと関心が一致するメンバーだけが \`/alumni asks\` で見られます。チャンネルにはカードを投稿しません。`,
    notPosted: (what: string, title: string, id: number, channel: string) =>
      `${what}「${title}」（#${id}）は保存しましたが、${channel} にカードを投稿できませんでした。\`/invite @Homecoming\` で招待してください。メンバーは \`/alumni asks\` で見られます。`,
    afterPosting:
      '誰かが反応すると、お二人のグループ DM を開きます。`/alumni asks mine` で反応した人を確認し、解決済みにしたり延長したりできます。',
    anAlum: 'アルムナイの方',
    cardFrom: (who: string) => `投稿者：${who}`,
    cardOpenUntil: (date: string) => `${date} まで募集`,
    cardId: (type: string, id: number) => `${type} #${id}`,
    responses: (count: number) => `反応 ${count} 件`,
    respondButton: { ask: '手伝えます', offer: '興味があります' },
    cardHowItWorks: 'ボタンを押すと、あなたと投稿者のグループ DM を開きます。',
    cardResolved: '解決済み',
    cardLapsed: '締め切り',
    cardThanks: (names: string) => `${names} さん、ご協力ありがとうございました！`,
    cardThanksCounted: (count: number) => `協力してくれた ${count} 人に感謝！`,
    andMore: (count: number) => `ほか ${count} 人`,
    listHeading: (shown: number, total: number) =>
      `*募集中の相談とオファー*（${total} 件中 ${shown} 件、関心が一致するものから）`,
    listHeadingTags: (tags: string, shown: number, total: number) =>
      `*${tags} のタグが付いた募集中の相談とオファー*（${total} 件中 ${shown} 件）`,
    listNone: '今は募集中のものがありません。`/alumni ask` か `/alumni offer` で投稿できます。',
    listNoneTags: (tags: string) => `${tags} のタグが付いた募集中のものはありません。`,
    picksMore: (count: number) =>
      `あなたに合うものがほかに ${count} 件あります。\`/alumni asks\` で一致するものから一覧できます。`,
    homeHeading: 'あなたに合う相談とオファー',
    homeNone:
      '今はあなたの関心や「受け付けていること」に合う募集中のものはありません。`/alumni asks` で募集中の相談とオファーをすべて見られます。`/alumni ask` か `/alumni offer` で投稿できます。',
    matching: (tags: string) => `一致：${tags}`,
    mineHeading: '*あなたの相談とオファー*',
    mineNone: 'まだ投稿がありません。`/alumni ask` か `/alumni offer` で投稿できます。',
    responders: (who: string) => `反応した人：${who}`,
    noResponders: 'まだ誰も反応していません。',
    status: { open: '募集中', resolved: '解決済み', lapsed: '締め切り' },
    resolveButton: '解決済みにする',
    extendButton: (days: number) => `${days} 日延長する`,
    respondDone: (who: string, title: string) =>
      `ありがとうございます！「${title}」について ${who} さんとのグループ DM を開きます。`,
    respondAgain: (title: string) => `「${title}」にはすでに反応済みです。グループ DM は開いています。`,
    ownItem: 'これはあなたの投稿です。反応はあなたに届きます。',
    notFound: (id: string) => `あなたが見られる相談・オファー #${id} はありません。`,
    notOpen: {
      resolved: 'これはすでに解決済みです。お気持ちに感謝します！',
      lapsed: 'これはすでに締め切られています。',
    },
    notAuthor: (id: number) => `#${id} を変更できるのは投稿者か管理者だけです。`,
    matchIntro: {
      ask: (responder: string, author: string, title: string, id: number) =>
        `:raised_hands: ${responder} さんが、${author} さんの相談 *${title}*（#${id}）を手伝えるそうです。`,
      offer: (responder: string, author: string, title: string, id: number) =>
        `:raised_hands: ${responder} さんが、${author} さんのオファー *${title}*（#${id}）に興味があるそうです。`,
    },
    matchShared: (tags: string) => `お二人に共通の関心：${tags}`,
    matchSuggest: 'あいさつして、ここから話を進めてください。',
    reminderDm: (what: string, title: string, id: number, date: string) =>
      `:hourglass_flowing_sand: あなたの${what} *${title}*（#${id}）は ${date} に締め切られます。まだ募集しますか？延長するか、解決済みにしてください。`,
    lapsedDm: (what: string, title: string, id: number, command: string) =>
      `あなたの${what} *${title}*（#${id}）は締め切られました。まだ必要なら \`${command}\` でもう一度投稿してください。`,
    thanksDm: (author: string, what: string, title: string) =>
      `:pray: ${author} さんが、${what} *${title}* へのご協力に感謝しています。`,
    resolveTitle: '解決済みにする',
    resolveLead: (title: string) => `「${title}」を解決済みにしますか？`,
    thankLabel: '感謝を伝える人',
    thankHint:
      'チェックした人にはお礼の DM が届き、チャンネルのカードにも感謝が表示されます（名前が出るのはプロフィールをアルムナイ全員に公開している人だけです）。',
    nobodyToThank: '反応した人がいないため、感謝を伝える相手はいません。',
    resolvedDone: (title: string) => `「${title}」を解決済みにしました。`,
    resolvedThanked: (who: string) => `${who} さんにお礼を伝えました。`,
    resolvedAlready: (title: string) => `「${title}」はすでに解決済みです。`,
    extended: (title: string, date: string) => `「${title}」の募集期間を ${date} まで延長しました。`,
    statsHeading: '相談とオファー',
    statsAsks: (open: string, resolved: string, lapsed: string) =>
      `相談：募集中 ${open} · 解決済み ${resolved} · 締め切り ${lapsed}`,
    statsOffers: (open: string, resolved: string, lapsed: string) =>
      `オファー：募集中 ${open} · 解決済み ${resolved} · 締め切り ${lapsed}`,
    statsHelp: (responses: string, helpers: string) => `反応：${responses} · 感謝された協力者：${helpers}`,
    csvTitle: '相談とオファー（1 件 1 行、CSV）',
    csvSent: '3 つ目のファイルは、相談とオファーを 1 件 1 行にまとめたものです。',
    csvSentEvents: '2 つ目のファイルは、相談とオファーを 1 件 1 行にまとめたものです。',
  },
  mentoring: {
    usage:
      '例：`mentor offer SaaS, 資金調達`（メンターとして相談に乗れるテーマ）、`mentor capacity 3`、`mentor open|limited|closed`、`mentor request SaaS：シード調達をしたい`（テーマ、コロン、目標の順）、`mentors SaaS` でメンターを探す、`mentor` で状況を確認。',
    availability: { open: '受付中', limited: '一部受付', closed: '受付停止' },
    offered: (topics: string, capacity: number, availability: string) =>
      `ありがとうございます。テーマ：${topics}、同時に ${capacity} 人まで、受付状況：${availability}。このテーマでメンターを探すメンバーの依頼が届くことがあります。依頼ごとに承諾または辞退を選べます。`,
    capacitySet: (capacity: number, active: number) =>
      `受け入れ人数を同時に ${capacity} 人にしました（現在 ${active} 人）。今のメンティーはそのままです。`,
    availabilitySet: (availability: string) =>
      `受付状況を「${availability}」にしました。受付中のメンターが先に、一部受付のメンターがその後に提案されます。受付停止中は提案されません。`,
    notMentor:
      'まだメンターとして登録していません。`mentor offer <テーマ>` から始めてください（例：`mentor offer SaaS, 資金調達`）。',
    capacityRange: (max: number) =>
      `受け入れ人数は 1 から ${max} までの整数です（例：\`mentor capacity 3\`）。`,
    topicsRequired: 'テーマを 1 つ以上書いてください（例：`mentor offer SaaS, 資金調達`）。',
    requestUsage:
      'テーマ、コロン、目標の順に書いてください（例：`mentor request SaaS, 資金調達：今年シード調達をしたい`）。',
    goalTooLong: (max: number) => `目標が ${max} 文字を超えています。短くしてください。`,
    requestPending: (id: number) =>
      `依頼 #${id} はまだメンターの返事を待っています。結果はお知らせします。決まってから、もう一度依頼できます。`,
    noMentor: (tags: string) =>
      `${tags} のテーマで空きのあるメンターは今いません。何も送っていません。別のテーマで試すか、\`mentors\` で探してください。`,
    requested: (id: number, mentors: string) =>
      `依頼 #${id} を保存しました。${mentors} を提案し、順番に 1 人ずつ依頼します。それぞれ 7 日以内に承諾か辞退を選びます。承諾されたらお知らせします。`,
    findHeading: (shown: number, total: number) =>
      `*空きのあるメンター*（${total} 人中 ${shown} 人、共通のテーマが多い順）`,
    findLine: (who: string, topics: string, free: number, availability: string) =>
      `${who} · ${topics} · 空き ${free} 人 · ${availability}`,
    findHint: '依頼するには `mentor request <テーマ>：<目標>` を送ってください。',
    findNone: (tags: string) => `${tags} のテーマで空きのあるメンターは今いません。`,
    findNoTopics:
      'テーマを書いてください（例：`mentors SaaS`）。プロフィールに関心タグがあれば、それで探します。',
    statusHeading: '*あなたのメンタリング*',
    statusOffer: (topics: string, active: number, capacity: number, availability: string) =>
      `テーマ：${topics}。${capacity} 人中 ${active} 人を受け入れ中、受付状況：${availability}。`,
    statusNoOffer: 'まだメンターとして登録していません（`mentor offer <テーマ>`）。',
    statusMentee: (mentee: string, state: string) => `${mentee} のメンター（${state}）`,
    statusMentor: (mentor: string, state: string) => `${mentor} がメンター（${state}）`,
    pairState: { active: '継続中', paused: '一時停止中', ended: '終了' },
    statusRequest: (id: number, goal: string, state: string) => `依頼 #${id}「${goal}」：${state}`,
    requestState: {
      pending: 'メンターの返事待ち',
      accepted: '承諾済み',
      unmatched: '空きのあるメンターなし',
    },
    statusWaiting: (requester: string, goal: string) => `${requester} からメンターの依頼：「${goal}」`,
    homeHeading: 'メンタリング',
    homeNone:
      'メンターの登録も、メンターへの依頼もまだありません。`/alumni mentor offer <テーマ>` で登録、`/alumni mentor request <テーマ>：<目標>` で依頼できます。',
    aMember: 'メンバー',
    askDm: (requester: string, goal: string, topics: string, days: number) =>
      `:seedling: ${requester} が ${topics} のメンターを探しています。\n>${goal}\nメンターを引き受けられますか？${days} 日以内に返事がなければ、次のメンターに依頼します。`,
    acceptButton: '承諾する',
    declineButton: '辞退する',
    accepted: (mentee: string) => `${mentee} のメンターになりました。お二人のグループ DM を開きました。`,
    declined: 'お返事ありがとうございます。依頼は次のメンターに回しました。',
    atCapacity: (capacity: number) =>
      `受け入れ枠（${capacity} 人）がすべて埋まっているため、依頼は次のメンターに回しました。もっと受け入れる場合は \`mentor capacity <人数>\` で増やしてください。`,
    notAsked: 'この依頼はあなたの返事を待っていません。ほかの人が答えたか、次に回りました。',
    unmatched: (goal: string) =>
      `提案したメンターは、依頼「${goal}」を引き受けられませんでした。ほかのテーマでもう一度お試しください（\`mentors\` で空きのあるメンターを確認できます）。`,
    paired: (mentor: string, mentee: string, goal: string) =>
      `:handshake: ${mentor} が ${mentee} のメンターを引き受けました。目標：「${goal}」。あいさつをして、最初の面談を決めましょう。月に一度、様子をうかがいます。`,
    checkin: (mentor: string, mentee: string) =>
      `:wave: ${mentor}、${mentee}、その後いかがですか？継続する、一時停止する、終了する、から選んでください。`,
    continueButton: '継続する',
    pauseButton: '一時停止',
    endButton: '終了する',
    checkinDone: {
      continue: '承知しました。メンタリングを継続します。来月また様子をうかがいます。',
      pause:
        '承知しました。メンタリングを一時停止しました。再開するときは、次の確認で「継続する」を押してください。',
      end: '承知しました。メンタリングを終了し、枠を空けました。お二人ともありがとうございました。',
    },
    checkinSame: '変更はありません。すでにその状態か、メンタリングが終了しています。',
    notInPair: 'この確認に答えられるのは、メンターとメンティーだけです。',
    notFound: (id: string) => `メンタリングの依頼またはペア #${id} は見つかりません。`,
    statsHeading: 'メンタリング',
    statsMentors: (mentors: string, free: string) => `メンター：${mentors} 人 · 空き枠：${free}`,
    statsPairs: (active: string, paused: string, ended: string) =>
      `ペア：継続中 ${active} · 一時停止 ${paused} · 終了 ${ended}`,
    statsRequests: (pending: string, unmatched: string) =>
      `依頼：返事待ち ${pending} · メンターなし ${unmatched}`,
  },
  /** モデレーターへの報告（issue 14 §2）。 */
  approval: {
    notFound: 'その参加申請はもう存在しません（削除された可能性があります）。何も変更していません。',
    needRequest:
      'この操作には、管理者による参加承認が必要です。「参加を申請」を押して、あなたについて管理者にお知らせください。それまでの間も、`help` とコミュニティの案内を読むこと、データのエクスポートと削除（`privacy`）はできます。',
    pending:
      '参加申請は管理者の確認待ちです。結果はここでお知らせします。それまでの間も、`help` とコミュニティの案内を読むこと、データのエクスポートと削除（`privacy`）はできます。',
    asked: (question: string) =>
      `参加申請の承認の前に、管理者から質問があります：\n>${question}\n「回答する」を押すか \`/alumni join\` を実行して、回答を添えてフォームを送り直してください。`,
    declined: (reason: string) =>
      `参加申請は承認されませんでした：\n>${reason}\n誤りだと思われる場合は、管理者にご連絡ください。データのエクスポートと削除（\`privacy\`）は引き続きできます。`,
    askButton: '参加を申請',
    answerButton: '回答する',
    alreadyMember: 'すでにコミュニティのメンバーです。これ以上の手続きは不要です。',
    approvedNow:
      'ようこそ！Slack のメールアドレスがコミュニティの名簿にあるため、承認されました。次は `/alumni profile` でプロフィールを設定しましょう。',
    openFormLead: 'ボタンを押して、あなたについて管理者にお知らせください。',
    modalTitle: '参加を申請',
    sendButton: '送信',
    formLead: (community: string) =>
      `${community}の管理者が承認できるよう、あなたについて教えてください。この内容は管理者だけが読みます。`,
    formAskedLead: (question: string) => `管理者からの質問：\n>${question}`,
    employeeId: '元社員番号（わかれば）',
    employeeIdHint:
      '給与明細や人事の書類にある番号です（例：E12345）。わからなければ空欄のままで構いません。',
    factEmpty: 'ご記入ください。承認に必要です。',
    factTooLong: (max: number) => `${max} 文字以内でご記入ください。`,
    employeeIdBad:
      '社員番号に使えるのは英数字・ピリオド・ハイフン・アンダースコアのみです（64 文字まで、例：E12345）。わからなければ空欄のままで構いません。',
    sentPending: 'ありがとうございます。申請を管理者に送りました。結果はここでお知らせします。',
    sentAnswered: 'ありがとうございます。回答を管理者に送りました。',
    sentApproved: 'ようこそ！承認されました。次は `/alumni profile` でプロフィールを設定しましょう。',
    unchanged: 'この申請はすでに送信済みです。これ以上の操作はしていません。',
    approvedDm: (community: string) =>
      `${community}へようこそ！管理者が参加申請を承認しました。次は \`/alumni profile\` でプロフィールを設定しましょう。`,
    askedDm: (question: string) =>
      `参加申請の承認の前に、管理者から質問があります：\n>${question}\n\`/alumni join\` を実行して、回答を添えてフォームを送り直してください。`,
    declinedDm: (reason: string) =>
      `参加申請は承認されませんでした：\n>${reason}\n誤りだと思われる場合は、管理者にご連絡ください。`,
    cardTitle: '参加申請',
    cardFrom: (who: string) => `*申請者：* ${who}`,
    cardEmployeeId: (id: string) => `*元社員番号：* ${id}`,
    cardStatus: (status: string) => `*状態：* ${status}`,
    cardQuestion: (question: string) => `*質問：* ${question}`,
    cardReason: (reason: string) => `*理由：* ${reason}`,
    notAnswered: '（未回答）',
    status: {
      pending: '管理者の確認待ち',
      asked: '追加の質問中',
      approved: '承認済み',
      declined: '不承認',
    },
    via: {
      list_email: '名簿（メールアドレス）',
      list_employee_id: '名簿（社員番号）',
      domain: 'メールのドメイン',
      admin: '管理者',
    },
    trailHeading: '履歴',
    trailLine: (when: string, what: string, who: string) => `${when} · ${what} · ${who}`,
    actions: {
      requested: '参加を申請',
      answered: '回答',
      approved: '承認',
      asked: '追加の質問',
      declined: '不承認',
    },
    theBot: '自動',
    anErasedMember: '削除済みのメンバー',
    approveButton: '承認する',
    askMoreButton: '追加で質問する',
    declineButton: '承認しない',
    approvedReply: (who: string) => `${who} さんを承認し、本人に伝えました。`,
    askedReply: (who: string) => `${who} さんに質問を送りました。`,
    declinedReply: (who: string) => `${who} さんの申請を承認せず、理由を本人に伝えました。`,
    decidedAlready: (who: string, status: string, by: string) =>
      `${who} さんの申請はすでに「${status}」です（${by}）。何も変更していません。`,
    askTitle: '追加で質問する',
    askLabel: '質問（申請者が読みます）',
    declineTitle: '承認しない',
    declineLabel: '理由（申請者が読みます）',
    noteEmpty: 'ご記入ください。申請者が読みます。',
    noteTooLong: (max: number) => `${max} 文字以内でご記入ください。`,
    noAdminChannel:
      'ADMIN_CHANNEL_ID が設定されていないため、この参加申請はダイレクトメッセージでお送りしています。管理者用の非公開チャンネルを設定すると、そこで判断できます。',
    adminUsage:
      '使い方：`/alumni admin eligible import`。先に Slack のメールアドレスまたは元社員番号の CSV ファイル（1 行または 1 セルに 1 件）を、私とのダイレクトメッセージで共有してから実行してください。',
    importNoFile:
      '私とのダイレクトメッセージに CSV ファイルが見つかりませんでした。ファイル（Slack のメールアドレスまたは元社員番号を 1 行に 1 件）をこの DM で共有してから、もう一度 `/alumni admin eligible import` を実行してください。何も取り込んでいません。',
    importTooBig: (maxKb: number) =>
      `ファイルが ${maxKb} KB を超えているため、取り込みませんでした。小さなファイルに分けて、それぞれ取り込んでください。何も取り込んでいません。`,
    importUnreadable:
      'Slack からファイルを取得できませんでした（files:read の権限がない可能性があります）。何も取り込んでいません。',
    importDone: (name: string, loaded: number, duplicated: number, skipped: number) =>
      `*${name}* から名簿を取り込みました：追加 ${loaded} 件、登録済み ${duplicated} 件、スキップ ${skipped} 件。`,
    importSkipped: (lines: string) => `スキップした行（メールアドレスでも社員番号でもありません）：${lines}`,
  },
  supporters: {
    notFound: (id: string) => `提案 #${id} はありません。`,
    kind: { event: 'イベント', announcement: 'お知らせ' },
    status: {
      pending: 'オーガナイザーの承認待ち',
      approved: '承認・投稿済み',
      declined: '見送り',
      posted: '投稿済み',
    },
    proposed: (kind: string, title: string, channel: string) =>
      `ありがとうございます。${channel} 向けの${kind}「*${title}*」をオーガナイザーに承認依頼しました。結果が出たらお知らせします。`,
    postedCredited: (kind: string, title: string, channel: string) =>
      `${channel} 向けの${kind}「*${title}*」を、あなたを主催者として設定しました。`,
    cardHeader: { event: 'イベントの提案', announcement: 'お知らせの提案' },
    cardFrom: (user: string, id: number) => `提案者：${user} · 提案 #${id}`,
    cardChannel: (channel: string) => `投稿先：${channel}`,
    cardFirstAt: (when: string) => `初回投稿：${when}`,
    approveButton: '承認する',
    declineButton: '見送る',
    cardApproved: (who: string) => `:white_check_mark: ${who} が承認し、投稿しました。`,
    cardDeclined: (who: string) => `:no_entry_sign: ${who} が見送りました。`,
    cardReason: (reason: string) => `理由：${reason}`,
    someone: 'オーガナイザー',
    approved: (id: number) => `提案 #${id} を承認して投稿しました。提案者にお知らせします。`,
    declined: (id: number) => `提案 #${id} を見送りました。提案者にお知らせします。`,
    alreadyDecided: (id: number, status: string, who: string) =>
      `提案 #${id} はすでに ${who} により「${status}」となっています。何も変更していません。`,
    declineTitle: '提案を見送る',
    declineSubmit: '見送る',
    reasonLabel: '理由（提案者に伝わります）',
    reasonTooLong: (max: number) => `理由が ${max} 文字を超えています。短くしてください。`,
    approvedDm: (kind: string, title: string, channel: string) =>
      `:tada: あなたの${kind}「*${title}*」がオーガナイザーに承認され、${channel} に投稿されました（主催：あなた）。ありがとうございます！`,
    declinedDm: (kind: string, title: string) =>
      `あなたの${kind}「*${title}*」は、今回はオーガナイザーに見送られました。`,
    declinedReasonDm: (reason: string) => `理由：${reason}`,
    hostedBy: (who: string) => `主催：${who}`,
    aSupporter: 'データを消去したサポーター',
    aVolunteer: 'メンバーのボランティア',
    homeHeader: 'あなたの提案',
    homeLine: (kind: string, title: string, status: string) => `${kind}：*${title}* — ${status}`,
    eventsHosted: (count: number) => `サポーターが主催したイベント：${count}`,
  },
  moderation: {
    notSetUp:
      'このワークスペースではモデレーターへの報告がまだ設定されていないため、何も送信されませんでした。対応が必要なことがあれば、管理者に直接お知らせください。',
    onlyInDm:
      '報告の内容を守るため、`report` は私とのダイレクトメッセージでのみ使えます。そちらで `report` または `report <メッセージのリンク>` と送ってください。メッセージの ⋮ メニューの「*モデレーターに報告*」も使えます。',
    badLink:
      'Slack のメッセージへのリンクではありません。メッセージの ⋮ メニューから「*リンクをコピー*」を選び、貼り付けてください（例：`report https://your-team.slack.com/archives/C0123ABCD/p1700000000123456`）。',
    openFormLead: 'メッセージをモデレーターに報告します。ボタンを押してフォームを開いてください。',
    openFormButton: '報告フォームを開く',
    modalTitle: 'モデレーターに報告',
    submit: '報告を送る',
    intro:
      'この報告はメッセージへのリンクとともにモデレーター（コミュニティの管理者）に届きます。誰が報告したかが投稿者に伝わることはありません。',
    linkLabel: 'メッセージのリンク',
    linkHint: 'メッセージの ⋮ メニューから「リンクをコピー」を選んでください。',
    linkMissing: '報告するメッセージのリンクを貼り付けてください。',
    reasonLabel: '報告の理由',
    reasonHint: '最初の選択肢は行動規範の各項目です。',
    reasonOther: 'その他（メモに内容を書いてください）',
    reasonMissing: '理由を選んでください。',
    noteLabel: 'モデレーターへのメモ（任意）',
    notePlaceholder: '何があったか、モデレーターが状況を理解する助けになること',
    noteTooLong: (max: number) => `メモが ${max} 文字を超えています。短くしてください。`,
    shareLabel: 'あなたの名前',
    shareChoice: 'この報告をしたのが私であることを管理者に伝えてよい',
    shareHint: 'チェックしない場合、管理者を含め誰にも報告者はわかりません。',
    sent: 'ありがとうございます。報告をモデレーターに送りました。対応が完了したらお知らせします。',
    alreadyReported:
      'このメッセージはすでに報告済みで、モデレーターに届いています。追加では何も送っていません。対応が完了したらお知らせします。',
    cardTitle: (id: number) => `報告 #${id}`,
    cardMessage: (link: string) => `メッセージ：${link}`,
    openMessage: 'メッセージを開く',
    messageIn: (channel: string) => `${channel} のメッセージ`,
    cardAuthor: (who: string) => `投稿者：${who}`,
    authorUnknown: '不明（読み取れなかったリンク、または投稿者がデータを消去しました）',
    cardReason: (reason: string) => `理由：${reason}`,
    cardNote: (note: string) => `メモ：${note}`,
    cardReporter: (who: string) => `報告者：${who}`,
    reporterHidden: '報告者：報告者は名前を伝えないことを選びました。',
    reporterErased: '報告者：報告者はデータを消去しました。',
    cardStatus: (status: string) => `状態：${status}`,
    status: { open: '未対応', acknowledged: '確認済み', resolved: '対応完了' },
    cardResolution: (note: string) => `対応内容：${note}`,
    trailHeading: '履歴',
    trailLine: (when: string, action: string, who: string) => `${when} · ${action} · ${who}`,
    actions: {
      reported: '報告',
      acknowledged: '確認',
      reminded: '投稿者へのリマインド',
      resolved: '対応完了',
    },
    aMember: 'メンバー',
    anErasedMember: 'データを消去したメンバー',
    acknowledgeButton: '確認しました',
    remindButton: '投稿者にリマインド',
    resolveButton: '対応完了にする',
    acknowledged: (id: number) => `報告 #${id} を確認済みにしました。カードにも表示されます。`,
    acknowledgedAlready: (id: number) => `報告 #${id} はすでに確認済みか対応完了です。何も変更していません。`,
    reminded: (id: number, who: string) =>
      `報告 #${id} のメッセージについて、${who} に行動規範のリマインドを送ります。誰が報告したかは伝えません。`,
    remindedAlready: (id: number) =>
      `報告 #${id} の投稿者にはすでにリマインドしています。追加では何も送っていません。`,
    authorUnknownRefusal: (id: number) =>
      `報告 #${id} のメッセージの投稿者がわからないため（読み取れなかったリンク、または投稿者がデータを消去しました）、リマインドできません。`,
    resolveTitle: '報告を対応完了にする',
    resolveLead: (id: number) =>
      `報告 #${id}：どのように対応しましたか？このメモは報告とともに保存され、カードに表示されます。報告者には対応が完了したことだけを伝えます。`,
    resolveLabel: '対応内容',
    resolveEmpty: '記録のため、対応内容を書いてください。',
    resolveTooLong: (max: number) => `メモが ${max} 文字を超えています。短くしてください。`,
    resolved: (id: number) => `報告 #${id} を対応完了にしました。報告者にお知らせします。`,
    resolvedAlready: (id: number) => `報告 #${id} はすでに対応完了です。何も変更していません。`,
    reminderDm: (link: string) =>
      `:wave: コミュニティのモデレーターから、行動規範に照らして ${link} をもう一度見直していただくようお願いがありました。`,
    yourMessage: 'あなたのメッセージ',
    resolvedDm: (link: string) =>
      `:white_check_mark: ${link} についてのご報告は、モデレーターにより対応が完了しました。コミュニティをよい場所に保つためのご協力に感謝します。`,
    aMessage: 'メッセージ',
    notFound: (id: string) => `報告 #${id} は見つかりません。`,
  },
  collab: {
    startButton: 'チャンネルを作る',
    channelLine: (channel: string) => `チャンネル：${channel}`,
    channelArchivedLine: (channel: string) => `チャンネル：${channel}（アーカイブ済み）`,
    started: (channel: string, who: string) =>
      `${channel} を作成して ${who} を招待し、先頭に内容をピン留めしました。`,
    leftOut: (who: string) =>
      `${who} はプロフィールをアルムナイ全員に公開しておらず、チャンネルではメンバー同士が見えるため、追加していません。参加したい場合に押せるボタンを本人に送りました。`,
    joinDm: (title: string, id: number, channel: string) =>
      `あなたが反応した *${title}*（#${id}）のチャンネルができました：${channel}。プロフィールをアルムナイ全員に公開していないため、あなたは追加していません（チャンネルではメンバーからあなたが見えます）。参加したい場合はボタンを押してください。`,
    joinButton: 'チャンネルに参加',
    joined: (channel: string) => `${channel} に追加しました。`,
    notJoinable:
      'このチャンネルには、もう私から参加できません。アーカイブされたか、作成のもとになった投稿やグループにあなたがもう含まれていません。',
    already: (channel: string) => `これにはすでにチャンネルがあります：${channel}`,
    inProgress: 'チャンネルを作成しています。まもなくサイドバーに表示されます。',
    tooFew:
      'チャンネルにはあなた以外の人が必要ですが、招待できる反応者がまだいません。プロフィールをアルムナイ全員に公開していない反応者は招待しません。',
    notStarter: (id: number) => `#${id} のチャンネルを作れるのは、投稿者か管理者だけです。`,
    noFreeName: (name: string) =>
      `試したチャンネル名（${name}、${name}-2 など）はすべて使われています。どれかの名前を変えてから、もう一度押してください。`,
    refused: (code: string) =>
      `Slack がチャンネルの作成を受け付けませんでした（${code}）。管理者がアプリによるプライベートチャンネルの作成を許可したら、もう一度押してください。`,
    introLead: {
      ask: (author: string, title: string, id: number) =>
        `:handshake: このチャンネルは、${author} さんの相談 *${title}*（#${id}）と、反応した人たちのためのものです。`,
      offer: (author: string, title: string, id: number) =>
        `:handshake: このチャンネルは、${author} さんのオファー *${title}*（#${id}）と、反応した人たちのためのものです。`,
    },
    introQuiet: (days: number, grace: number) =>
      `${days} 日間だれも書き込まなければここでお知らせし、その ${grace} 日後にチャンネルをアーカイブします。何も削除されません。`,
    headsUp: (days: number, grace: number) =>
      `:zzz: ${days} 日間、書き込みがありません。このまま静かなら ${grace} 日後にこのチャンネルをアーカイブします（何も削除されません）。続けるなら、何か書き込んでください。`,
    archiveNote: (days: number) => `${days} 日間書き込みがなかったため、アーカイブしました。`,
  },
  /** Study groups that form when enough members want them (issue 13 §3). */
  study: {
    usage: '`study` で参加者を募集中の勉強会を、`study propose` で勉強会の提案ができます。',
    modalTitle: '勉強会を提案',
    propose: '提案する',
    topicLabel: 'テーマ',
    topicPlaceholder: '例：Web 開発者のための Rust',
    tagsLabel: 'タグ',
    tagsHint: (max: number) =>
      `カンマ区切りで ${max} 個まで。これらに関心のあるメンバーのダイジェストでお知らせします。`,
    minLabel: '最少人数（あなたを含む）',
    minHint: (min: number, max: number, days: number) =>
      `${min}〜${max} 人。${days} 日以内にこの人数が参加を表明すると勉強会が始まります。`,
    rhythmLabel: '頻度',
    rhythms: { weekly: '毎週', biweekly: '隔週', monthly: '毎月' },
    errors: {
      topicEmpty: 'テーマを入力してください。',
      topicTooLong: (max: number) => `テーマは ${max} 文字以内にしてください。`,
      tagsNeeded: 'その関心を持つメンバーに届くよう、タグを 1 つ以上入力してください。',
      tooManyTags: (max: number) => `タグは ${max} 個までです。`,
      minRange: (min: number, max: number) => `最少人数は ${min}〜${max} の整数で入力してください。`,
      rhythmMissing: '集まる頻度を選んでください。',
    },
    proposed: (topic: string, id: number, min: number, days: number) =>
      `勉強会 *${topic}*（#${id}）を提案しました。関心が一致するメンバーのダイジェストでお知らせします。${days} 日以内にあなたを含めて ${min} 人が参加を表明すると始まります。`,
    listTitle: '参加者募集中の勉強会',
    listEmpty: '参加者を募集中の勉強会は今ありません。`study propose` で提案できます。',
    listLine: (topic: string, id: number, rhythm: string, backers: number, min: number) =>
      `*${topic}*（#${id}）· ${rhythm} · ${min} 人中 ${backers} 人が参加`,
    proposedBy: (who: string) => `提案者：${who}`,
    aMember: 'メンバー',
    backersNamed: (names: string) => `参加：${names}`,
    othersIn: (count: number) => `ほか ${count} 人`,
    matched: (tags: string) => `あなたの関心と一致：${tags}`,
    youAreIn: '参加しています。',
    countIn: '参加する',
    countOut: '参加をやめる',
    countedIn: (topic: string, backers: number, min: number) =>
      `*${topic}* に参加しました（${min} 人中 ${backers} 人）。始まるとチャンネルに招待され、メンバー同士が見えるようになります。`,
    alreadyIn: (topic: string) => `*${topic}* にはすでに参加しています。`,
    formedNow: (topic: string, channel: string) =>
      `最少人数に達しました。*${topic}* が始まり、全員を ${channel} に招待しました。`,
    formingLater: (topic: string) =>
      `*${topic}* は人数がそろいました。チャンネルをまだ作成できていないため、まもなく再試行します。`,
    countedOut: (topic: string) => `*${topic}* への参加をやめました。`,
    notIn: (topic: string) => `*${topic}* には参加していません。`,
    notOpen: {
      forming: 'この勉強会は人数がそろい、チャンネルを作成中です。',
      formed: 'この勉強会はすでに始まっています。メンバーにチャンネルへの招待を頼んでください。',
      lapsed: 'この提案は人数がそろわず締め切られました。`study propose` で改めて提案できます。',
    },
    proposerStays:
      'あなたはこの勉強会の提案者なので、参加をやめられません。人数がそろわなければ自動で締め切られます。',
    notHost: (id: number) => `勉強会 #${id} のセッションを予定できるのは、始まった勉強会の提案者だけです。`,
    notFound: (id: string) => `勉強会 #${id} は存在しません（削除された可能性があります）。`,
    digestHeading: '参加できそうな勉強会',
    digestNotification: (count: number) => `参加できそうな勉強会が ${count} 件あります`,
    homeHeading: '勉強会',
    homeNone:
      'あなたの関心に合う募集中の勉強会は今ありません。`/alumni study` ですべて表示、`/alumni study propose` で提案できます。',
    homeMore: (count: number) => `ほか ${count} 件：\`/alumni study\` ですべて表示します。`,
    homeProposer: 'あなたが提案した勉強会です。',
    homeGroups: '参加中の勉強会',
    homeGroupLine: (topic: string, channel: string) => `*${topic}* · ${channel}`,
    statsHeading: '勉強会',
    statsGroups: (open: string, formed: string, lapsed: string) =>
      `募集中の提案：${open} · 始まった勉強会：${formed} · 締め切り：${lapsed}`,
    statsMembers: (members: string) => `始まった勉強会のメンバー：${members} 人`,
    csvTitle: '勉強会（1 件 1 行、CSV）',
    csvSent: 'もう 1 つのファイルは、勉強会を 1 件 1 行にまとめたものです。',
    introLead: (topic: string, rhythm: string) =>
      `:books: 勉強会 *${topic}*（${rhythm}）へようこそ。ここにいる全員が参加を表明しました。`,
    introSessions: (who: string) =>
      `セッションは ${who} さんが予定します。各セッションは出欠とリマインダー付きのイベントです。`,
    formedDm: (topic: string, channel: string) =>
      `勉強会 *${topic}* の人数がそろいました。${channel} を作成して全員を招待しました。次は最初のセッションを予定しましょう。`,
    scheduleButton: '最初のセッションを予定する',
    joinDm: (topic: string, channel: string) =>
      `勉強会 *${topic}* が ${channel} で始まりました。プロフィールをアルムナイ全員に公開していないため、あなたは追加していません（チャンネルではメンバーからあなたが見えます）。参加したい場合はボタンを押してください。`,
    theProposer: '提案者',
    lapsedDm: (topic: string, backers: number, min: number, days: number) =>
      `勉強会 *${topic}* は ${days} 日以内に ${min} 人に達しなかったため（参加表明 ${backers} 人）、締め切られました。\`study propose\` でいつでも改めて提案できます。`,
  },
  chapters: {
    usage:
      '`チャプター` で一覧、`チャプター 参加 <名前>` で参加、`チャプター 退会 <名前>` で退会できます。管理者：`チャプター 作成 <名前> #チャンネル` · `チャプター リーダー 追加 <名前> @メンバー` · `チャプター リーダー 削除 <名前> @メンバー` · `チャプター アーカイブ <名前>`。',
    listHeading: 'チャプター',
    listNone: 'チャプターはまだありません。',
    listLine: (name: string, channel: string, members: string) => `*${name}* · ${channel} · ${members}`,
    members: (count: number) => `メンバー ${count} 人`,
    youAreIn: '参加中',
    youLead: 'あなたがリーダー',
    listHint: '`チャプター 参加 <名前>` で参加、`チャプター 退会 <名前>` で退会できます。',
    joined: (name: string, channel: string) =>
      `チャプター *${name}* に参加しました。ダイジェストと \`イベント\` でこのチャプターのイベントが先頭に表示されます。チャンネルは ${channel} です。`,
    alreadyMember: (name: string) => `すでに *${name}* のメンバーです。`,
    left: (name: string) => `チャプター *${name}* を退会しました。`,
    notMember: (name: string) => `*${name}* のメンバーではないため、退会するものはありませんでした。`,
    created: (name: string, channel: string) =>
      `チャプター *${name}*（${channel}）を作成しました。\`チャプター リーダー 追加 ${name} @メンバー\` でリーダーを指名してください。`,
    archived: (name: string) =>
      `チャプター *${name}* をアーカイブしました。一覧・ダイジェスト・統計に表示されなくなります。`,
    confirmArchive: (name: string) =>
      `チャプター *${name}* をアーカイブしますか？リーダーはオーガナイザー権限なしではイベントを投稿できなくなります。`,
    leadAdded: (who: string, name: string) =>
      `${who} が *${name}* のリーダーになりました。チャンネルでイベントとお知らせを投稿できます。`,
    alreadyLead: (who: string, name: string) => `${who} はすでに *${name}* のリーダーです。`,
    leadRemoved: (who: string, name: string) => `${who} は *${name}* のリーダーではなくなりました。`,
    notLead: (who: string, name: string) => `${who} は *${name}* のリーダーではないため、変更はありません。`,
    unknown: (given: string) =>
      `「${given}」というチャプターはありません。\`チャプター\` で一覧を確認してください。`,
    didYouMean: (given: string, name: string) =>
      `「${given}」というチャプターはありません。*${name}* のことですか？\`チャプター\` で一覧を確認できます。`,
    gone: 'そのチャプターはアーカイブされました。ホームタブを開き直すと最新の一覧が表示されます。',
    nameTaken: (name: string) => `*${name}* というチャプターはすでにあります。別の名前にしてください。`,
    channelTaken: (name: string) =>
      `そのチャンネルはすでにチャプター *${name}* のものです。別のチャンネルを選ぶか、先にそのチャプターをアーカイブしてください。`,
    badName: (max: number) =>
      `チャプター名は ${max} 文字以内にしてください。例：\`チャプター 作成 東京 #tokyo-alumni\``,
    badChannel:
      'チャンネルはリンクで指定してください（# を入力して一覧から選びます）。例：`チャプター 作成 東京 #tokyo-alumni`',
    badLead:
      'リーダーは Slack の @ 一覧から選んで指定してください。例：`チャプター リーダー 追加 東京 @aiko`',
    nameNeeded: (action: string) => `チャプター名を指定してください。例：\`チャプター ${action} 東京\``,
    homeHeading: 'チャプター',
    homeNone: 'チャプターはまだありません。',
    homeJoin: '参加',
    homeLeave: '退会',
    homeMore: (count: number) => `ほか ${count} 件：\`/alumni チャプター\` ですべて表示します。`,
    statsHeading: 'チャプター',
    statsNone: 'チャプターはまだありません。',
    statsLine: (name: string, members: string, upcoming: string, past: string) =>
      `*${name}*：メンバー ${members} 人 · 今後のイベント ${upcoming} 件 · 過去のイベント ${past} 件`,
  },
  dm: {
    notUnderstood: 'よくわかりませんでした。`help` と送ると、できることを表示します。',
  },
  delivery: {
    failed: (what: string, where: string, when: string) =>
      `:warning: ${where}への${what}の投稿（予定：${when}）ができませんでした。`,
    quoted: (excerpt: string) => `「${excerpt}」`,
    aScheduledMessage: '予約メッセージ',
    toMember: (userId: string) => `<@${userId}> さんへのダイレクトメッセージ`,
    reasons: {
      channelNotFound: 'チャンネルが存在しないか、私から見えません。',
      archived: 'チャンネルがアーカイブされています。',
      notInChannel:
        '私がそのチャンネルのメンバーではありません。`/invite @Homecoming` で招待してから、もう一度予約してください。',
      invalidMessage: 'メッセージの形式が正しくないため、Slack に拒否されました。',
      tooLong: 'メッセージが長すぎるため、Slack に拒否されました。',
      memberUnavailable: 'そのメンバーに届けられません（無効化されているか、見つかりません）。',
      restricted: 'ワークスペースの設定により、そこには投稿できません。',
      unverifiable: '以前の試行で投稿済みかどうかを確認できなかったため、再送していません。',
      gaveUp: (attempts: number, code: string) =>
        `Slack のエラーが続いたため、${attempts} 回試して中止しました（最後のエラー：${code}）。`,
      other: (code: string) => `Slack に拒否されました（${code}）。`,
    },
    advice: 'まだ必要であれば、ご自身で投稿するか、もう一度予約してください。',
  },
};
