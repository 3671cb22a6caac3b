// Slack app manifest rules, schema version 1.
//
// Source: slackapi/manifest-schema (https://github.com/slackapi/manifest-schema) at
// commit c50cfa8508ff1017344550a5e5fb29a1416e5b98, MIT licence, files
// manifest.schema.json (dispatch on _metadata.major_version) and
// schemas/manifest.schema.1.0.0.json.
//
// The rules below are our own hand-written transcription of those schemas into
// zod, limited to what an app like Homecoming uses. They are not the schema
// itself and not generated from it. Where the schema says
// `additionalProperties: false`, unknown keys are errors (z.strictObject).
//
// Deliberate simplifications:
// - The "hosted app" sections (top-level functions, workflows, datastores, types,
//   external_auth_providers, and features.functions) are checked only for their
//   outer shape and size limits, not item by item.
// - `$schema` is checked to be a string; its `format: uri` is not enforced.
// - display_information.background_color carries its pattern under the
//   non-standard keyword `regex`, which JSON-Schema validators ignore; we
//   enforce it, since Slack rejects colours that are not #rgb / #rrggbb.
import { z } from 'zod';

const HTTP_URL = /^https?:\/\//;
const HTTPS_URL = /^https:\/\//;
const DOMAIN = /^(?![.-])([-a-z0-9.])+([a-z0-9])$/;
const HEX_COLOR = /^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$/;
const IPV4_RANGE =
  /^(([0-9]|[1-9][0-9]|1[0-9]{2}|2[0-4][0-9]|25[0-5])\.){3}([0-9]|[1-9][0-9]|1[0-9]{2}|2[0-4][0-9]|25[0-5])(\/(3[0-2]|[1-2][0-9]|[0-9]))?$/;
// HTML5 e-mail address, as the schema's own note says (not RFC 5322).
const EMAIL =
  /^[a-zA-Z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?)*$/;

const url = (max: number, pattern: RegExp = HTTP_URL) =>
  z
    .string()
    .max(max)
    .regex(pattern, `must start with ${pattern === HTTPS_URL ? 'https://' : 'http:// or https://'}`);

function unique<T extends z.ZodType>(item: T) {
  return z.array(item).refine((items) => new Set(items).size === items.length, 'items must be unique');
}

function maxKeys(max: number) {
  return z
    .record(z.string(), z.unknown())
    .refine((value) => Object.keys(value).length <= max, `at most ${max} entries`);
}

const metadata = z.strictObject({
  schema_version: z.int().optional(),
  min_version: z.int().optional(),
  major_version: z.int().optional(),
  minor_version: z.int().optional(),
});

const appDirectory = z.strictObject({
  app_directory_categories: z.array(z.string().min(1).max(255)).max(3).optional(),
  use_direct_install: z.boolean().optional(),
  direct_install_url: url(255).optional(),
  installation_landing_page: url(255),
  privacy_policy_url: url(500),
  support_url: url(350),
  support_email: z.string().max(100).regex(EMAIL, 'must be an e-mail address'),
  supported_languages: z.array(z.string().max(50)).min(1).max(50),
  pricing: z.string().min(1).max(30),
});

const displayInformation = z.strictObject({
  name: z.string().min(1).max(35),
  description: z.string().min(1).max(140).optional(),
  background_color: z
    .string()
    .min(4)
    .max(7)
    .regex(HEX_COLOR, 'must be a hex colour such as #2f4858 or #fff')
    .optional(),
  long_description: z.string().min(175).max(4000).optional(),
});

const appHome = z.strictObject({
  home_tab_enabled: z.boolean().optional(),
  messages_tab_enabled: z.boolean().optional(),
  messages_tab_read_only_enabled: z.boolean().optional(),
});

// The schema gives the bot display name a length only (no pattern).
const botUser = z.strictObject({
  display_name: z.string().min(1).max(80),
  always_online: z.boolean().optional(),
});

const shortcuts = z
  .array(
    z.strictObject({
      name: z.string().min(1).max(24),
      type: z.enum(['message', 'global']),
      callback_id: z.string().min(1).max(255),
      description: z.string().min(1).max(150),
    }),
  )
  .min(1)
  .max(10);

// `url` is optional in the schema (Socket Mode apps have none).
const slashCommands = z
  .array(
    z.strictObject({
      command: z.string().min(2).max(32).regex(/^\//, 'must start with /'),
      url: url(3000).optional(),
      description: z.string().min(1).max(2000),
      usage_hint: z.string().min(1).max(1000).optional(),
      should_escape: z.boolean().optional(),
    }),
  )
  .min(1)
  .max(50);

const workflowSteps = z
  .array(z.strictObject({ name: z.string().min(1).max(50), callback_id: z.string().min(1).max(50) }))
  .min(1)
  .max(10);

const unfurlDomains = unique(z.string().max(255).regex(DOMAIN, 'must be a lower-case domain name'))
  .min(1)
  .max(5);

const prompt = z.strictObject({ title: z.string(), message: z.string() });

const assistantView = z.strictObject({
  assistant_description: z.string(),
  suggested_prompts: z.array(prompt).optional(),
});

const agentView = z.strictObject({
  agent_description: z.string().max(300).optional(),
  suggested_prompts: z.array(prompt).max(4).optional(),
  actions: z.array(z.strictObject({ name: z.string(), description: z.string() })).optional(),
});

const features = z.strictObject({
  app_home: appHome.optional(),
  bot_user: botUser.optional(),
  functions: z.array(z.unknown()).max(50).optional(), // outer shape only
  shortcuts: shortcuts.optional(),
  slash_commands: slashCommands.optional(),
  workflow_steps: workflowSteps.optional(),
  unfurl_domains: unfurlDomains.optional(),
  assistant_view: assistantView.optional(),
  agent_view: agentView.optional(),
});

// The schema constrains scope names by length only: it has no list or pattern of known scopes.
const scopeList = z.array(z.string().max(50)).max(255);

const oauthConfig = z.strictObject({
  redirect_urls: unique(z.string().max(2500)).max(1000).optional(),
  scopes: z
    .strictObject({
      user: scopeList.optional(),
      bot: scopeList.optional(),
      user_optional: scopeList.optional(),
      bot_optional: scopeList.optional(),
    })
    .optional(),
  token_management_enabled: z.boolean().optional(),
  pkce_enabled: z.boolean().optional(),
});

const eventList = unique(z.string().max(50)).max(100);

const eventSubscriptions = z.strictObject({
  request_url: url(3500).optional(),
  user_events: eventList.optional(),
  bot_events: eventList.optional(),
  metadata_subscriptions: z
    .array(z.strictObject({ app_id: z.string(), event_type: z.string().max(50) }))
    .min(1)
    .max(20)
    .refine(
      (items) => new Set(items.map((item) => JSON.stringify(item))).size === items.length,
      'items must be unique',
    )
    .optional(),
});

const interactivity = z.strictObject({
  is_enabled: z.boolean(),
  request_url: url(3500).optional(),
  message_menu_options_url: url(3500).optional(),
});

const settings = z.strictObject({
  allowed_ip_address_ranges: unique(z.string().regex(IPV4_RANGE, 'must be an IPv4 address or CIDR range'))
    .min(1)
    .max(50)
    .optional(),
  event_subscriptions: eventSubscriptions.optional(),
  incoming_webhooks: z.strictObject({ incoming_webhooks_enabled: z.boolean().optional() }).optional(),
  interactivity: interactivity.optional(),
  org_deploy_enabled: z.boolean().optional(),
  socket_mode_enabled: z.boolean().optional(),
  is_hosted: z.boolean().optional(),
  token_rotation_enabled: z.boolean().optional(),
  siws_links: z.strictObject({ initiate_uri: url(3500, HTTPS_URL).optional() }).optional(),
  hermes_app_type: z.string().optional(),
  function_runtime: z.string().optional(),
  is_mcp_enabled: z.boolean().optional(),
});

const mcpServers = z
  .record(
    z.string(),
    z.strictObject({
      url: url(500, HTTPS_URL),
      headers: z.record(z.string(), z.string()).optional(),
      auth_provider_key: z.string().max(255).optional(),
      auth_type: z.enum(['dynamic_client_registration', 'no_auth', 'manual_auth', 'slack_identity_auth']),
    }),
  )
  .refine((value) => Object.keys(value).length <= 20, 'at most 20 entries');

const manifestV1 = z.strictObject({
  $schema: z.string().optional(),
  _metadata: metadata.optional(),
  app_directory: appDirectory.optional(),
  display_information: displayInformation,
  features: features.optional(),
  oauth_config: oauthConfig.optional(),
  settings: settings.optional(),
  // Hosted-app sections: outer shape and size only.
  functions: maxKeys(50).optional(),
  workflows: maxKeys(50).optional(),
  datastores: maxKeys(10).optional(),
  outgoing_domains: unique(z.string().max(50).regex(DOMAIN, 'must be a lower-case domain name'))
    .max(10)
    .optional(),
  types: maxKeys(50).optional(),
  external_auth_providers: z.strictObject({ oauth2: z.unknown().optional() }).optional(),
  mcp_servers: mcpServers.optional(),
});

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out === '' ? String(key) : `.${String(key)}`;
  }
  return out === '' ? '(manifest)' : out;
}

function formatIssue(issue: z.core.$ZodIssue): string {
  const message =
    issue.code === 'invalid_type' && issue.message.endsWith('received undefined')
      ? 'required'
      : issue.message;
  return `${formatPath(issue.path)}: ${message}`;
}

/**
 * Validates an app manifest against our transcription of Slack's manifest
 * schema v1 and returns one human-readable string per problem (empty when
 * valid). Manifests declaring `_metadata.major_version: 2` are reported as not
 * covered, since only the v1 rules are transcribed here; like the upstream
 * dispatcher, other major versions are rejected.
 */
export function validateManifest(manifest: unknown): string[] {
  if (
    typeof manifest === 'object' &&
    manifest !== null &&
    !Array.isArray(manifest) &&
    '_metadata' in manifest
  ) {
    const meta: unknown = manifest._metadata;
    if (typeof meta === 'object' && meta !== null && 'major_version' in meta) {
      const major: unknown = meta.major_version;
      if (major === 2)
        return ['_metadata.major_version: 2 is not covered (only schema v1 rules are transcribed)'];
      if (major !== 1) return [`_metadata.major_version: must be 1 or 2, got ${JSON.stringify(major)}`];
    }
  }
  const result = manifestV1.safeParse(manifest);
  return result.success ? [] : result.error.issues.map(formatIssue);
}
