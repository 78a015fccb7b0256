import { describe, expect, it } from 'vitest';
import { base62, crc32 } from './github-checksum.js';
import { createScanState } from './scan-state.js';
import type { SecretRule } from './secret-rule.js';
import { secretRules } from './secret-rules.js';

// Deterministic random bodies, so no literal token sits in the source (push protection, scanners).
let seed = 0x2545f491;
function pick(alphabet: string, n: number): string {
  let s = '';
  for (let i = 0; i < n; i++) {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    s += alphabet[(seed >>> 0) % alphabet.length];
  }
  return s;
}
const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const UPPER = LOWER.toUpperCase();
const DIGITS = '0123456789';
const an = (n: number) => pick(UPPER + LOWER + DIGITS, n);
const us = (n: number) => pick(UPPER + LOWER + DIGITS + '-_', n);
const lc = (n: number) => pick(LOWER + DIGITS, n);
const uc = (n: number) => pick(UPPER + DIGITS, n);
const hex = (n: number) => pick('0123456789abcdef', n);
const hexah = (n: number) => pick('0123456789abcdefgh', n);
const b64 = (n: number) => pick(UPPER + LOWER + DIGITS + '+/', n);
const b32 = (n: number) => pick(UPPER + '234567', n);
const letters = (n: number) => pick(UPPER + LOWER, n);
const digits = (n: number) => pick(DIGITS, n);
/** A random (version 4) UUID, the kind tokens are made of. */
const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${pick('89ab', 1)}${hex(3)}-${hex(12)}`;
/** A time-based (version 1) UUID: an identifier, not a token. */
const uuidV1 = () => `${hex(8)}-${hex(4)}-1${hex(3)}-${pick('89ab', 1)}${hex(3)}-${hex(12)}`;
/** 30 random base62 characters and their CRC-32 in base62: a well-formed GitHub/npm token body. */
const checksummed = () => {
  const body = an(30);
  return body + base62(crc32(body), 6);
};
const b64url = (s: string | Uint8Array) => Buffer.from(s).toString('base64url');
const pem = (lines: number) => Array.from({ length: lines }, () => b64(64)).join('\n');

function pypiToken(): string {
  const random = Buffer.from(hex(64), 'hex');
  const bytes = Buffer.concat([Buffer.from([2, 1, 8]), Buffer.from('pypi.org'), Buffer.from([2, 0x20]), Buffer.from(hex(64)), Buffer.from([0, 6, 0x20]), random]);
  return `pypi-${b64url(bytes)}`;
}

/**
 * Per rule: texts with one secret marked «…» (the rule must report exactly that span) and
 * near-misses it must not report (placeholders, wrong prefix, wrong length, wrong context).
 */
const cases: Record<string, { readonly hit: readonly string[]; readonly miss: readonly string[] }> = {
  // keys
  private_key: {
    hit: [`«-----BEGIN RSA PRIVATE KEY-----\n${pem(12)}\n-----END RSA PRIVATE KEY-----»`, `{"private_key": "«-----BEGIN PRIVATE KEY-----\\n${pem(6).replace(/\n/g, '\\n')}\\n-----END PRIVATE KEY-----»\\n"}`],
    miss: ['-----BEGIN PRIVATE KEY-----\nxxx\n-----END PRIVATE KEY-----', `-----BEGIN PUBLIC KEY-----\n${pem(6)}\n-----END PUBLIC KEY-----`, '-----BEGIN PRIVATE KEY-----\nYWJjZGVmZ2hpamtsbW5vcHFyc3R1dnd4eXo=\n-----END PRIVATE KEY-----'],
  },
  putty_private_key: {
    hit: [`PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: k\nPublic-Lines: 1\n${b64(68)}\nPrivate-Lines: 1\n«${b64(44)}»\nPrivate-MAC: ${hex(64)}`],
    miss: ['PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nPrivate-Lines: 1\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n'],
  },
  age_secret_key: {
    hit: ['«AGE-SECRET-KEY-154XU5XP9XZA36MGN9N0DVGMM9MV3U0MJRL93JUGHGJ2DVJFUN4WQR9928S»'],
    miss: ['AGE-SECRET-KEY-154XU5XP9XZA36MGN9N0DVGMM9MV3U0MJRL93JUGHGJ2DVJFUN4WQR9928Q'],
  },
  jwt: {
    hit: [`Bearer «${b64url('{"alg":"HS256","typ":"JWT"}')}.${b64url('{"sub":"42","exp":1999999999}')}.${us(43)}»`],
    miss: [`${b64url('{"typ":"JWT"}')}.${b64url('{"sub":"42"}')}.${us(43)}`, 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9', `bm90X3ZhbGlkX2pzb25fYXRfYWxs.${b64url('{"a":1}')}.${us(10)}`],
  },
  ethereum_private_key: {
    hit: [`wallet private key: «0x${hex(64)}»`],
    miss: [`tx hash 0x${hex(64)}`, `0x${hex(64)}`],
  },
  // cloud
  aws_access_key_id: { hit: [`aws_access_key_id = «AKIA${b32(16)}»`], miss: ['AKIAIOSFODNN7EXAMPLE', `xAKIA${b32(16)}`, `akia${b32(16)}`] },
  aws_secret_access_key: { hit: [`aws_secret_access_key = «${b64(40)}»`], miss: [`aws_secret_access_key = ${b64(39)}`, 'AWS_SECRET_ACCESS_KEY=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'] },
  aws_session_token: { hit: [`AWS_SESSION_TOKEN=«${b64(300)}»`], miss: [`AWS_SESSION_TOKEN=${an(40)}`] },
  aws_bedrock_api_key: { hit: [`«ABSKQmVkcm9ja0FQSUtleS${b64(109)}=»`], miss: [`ABSKQmVkcm9ja0FQSUtleS${b64(20)}`, `AXSKQmVkcm9ja0FQSUtleS${b64(109)}=`] },
  aws_bedrock_short_term_api_key: { hit: [`«bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t${an(80)}»`], miss: ['bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29x'] },
  amazon_mws_auth_token: { hit: [`«amzn.mws.${uuid()}»`], miss: ['amzn.mws.1234'] },
  gcp_api_key: { hit: [`apiKey: "«AIza${us(35)}»"`], miss: [`AIza${'a'.repeat(35)}`, `AIza${us(42)}`, `J${'AIza'}${us(35)}`] },
  gcp_oauth_client_secret: { hit: [`«GOCSPX-${us(28)}»`], miss: [`GOCSPX-${us(20)}`] },
  google_oauth_access_token: { hit: [`«ya29.${us(60)}»`], miss: ['ya29.short'] },
  google_oauth_refresh_token: { hit: [`«1//0${us(60)}»`], miss: [`1//0${'a'.repeat(50)}`] },
  firebase_cloud_messaging_key: { hit: [`«AAAA${us(7)}:APA91b${us(134)}»`], miss: [`AAAA${us(7)}:APA91b${us(20)}`] },
  azure_storage_account_key: {
    hit: [`DefaultEndpointsProtocol=https;AccountName=x;AccountKey=«${b64(86)}==»;EndpointSuffix=core.windows.net`],
    miss: [`AccountKey=${'x'.repeat(86)}==`],
  },
  azure_sas_token: { hit: [`https://a.blob.core.windows.net/c?sv=2022-11-02&ss=b&sig=«${b64(44)}%3D»`], miss: [`https://example.com/?sig=${b64(44)}`] },
  azure_ad_client_secret: { hit: [`client_secret: «${an(3)}8Q~${an(34)}»`], miss: [`${an(3)}8Q~${an(20)}`, `client_secret=bP88Q~${'x'.repeat(34)}`] },
  azure_devops_pat: { hit: [`«${an(76)}AZDO${an(4)}»`], miss: [`${an(70)}AZDO${an(4)}`] },
  azure_devops_pat_legacy: { hit: [`AZURE_DEVOPS_PAT=«${pick('abcdefghijklmnopqrstuvwxyz234567', 52)}»`], miss: [`AZURE_DEVOPS_URL=${pick('abcdefghijklmnopqrstuvwxyz234567', 52)}`] },
  azure_service_bus_key: { hit: [`Endpoint=sb://x.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=«${b64(43)}=»`], miss: [`SharedAccessKey=${b64(20)}=`] },
  azure_app_configuration_secret: { hit: [`Endpoint=https://x.azconfig.io;Id=ab12-cd;Secret=«${b64(44)}»`], miss: ['Endpoint=https://x.azconfig.io;Id=ab12-cd;Secret=short'] },
  azure_subscription_key: { hit: [`Ocp-Apim-Subscription-Key: «${hex(32)}»`], miss: [`Ocp-Apim-Subscription-Key: ${hex(31)}`] },
  alibaba_access_key_id: { hit: [`«LTAI${an(20)}»`], miss: [`LTAI${'a'.repeat(16)}`] },
  alibaba_access_key_secret: { hit: [`ALIBABA_CLOUD_ACCESS_KEY_SECRET=«${an(30)}»`], miss: [`ALIBABA_CLOUD_REGION=${an(30)}`] },
  tencent_secret_id: { hit: [`«AKID${an(32)}»`], miss: [`AKID${an(31)}`] },
  tencent_secret_key: { hit: [`TENCENTCLOUD_SECRET_KEY=«${an(32)}»`], miss: [`TENCENTCLOUD_SECRET_ID=${an(32)}`] },
  yandex_api_key: { hit: [`«AQVN${us(36)}»`], miss: [`AQVN${us(10)}`] },
  yandex_iam_token: { hit: [`«t1.${us(40)}.${us(86)}»`], miss: [`t1.${us(40)}.${us(20)}`] },
  yandex_access_key: { hit: [`YANDEX_SECRET_KEY=«YC${us(38)}»`], miss: [`YANDEX_SECRET_KEY=YC${us(10)}`] },
  ibm_cloud_api_key: { hit: [`IBM_CLOUD_API_KEY=«${us(44)}»`], miss: ['ibm-cloud-pwd = shorter-version', `IBM_CLOUD_REGION=${us(44)}`] },
  ibm_cos_hmac_secret: { hit: [`cos_hmac_secret_access_key = «${hex(48)}»`], miss: [`cos_hmac_access_key_id = ${hex(48)}`] },
  oracle_cloud_auth_token: { hit: [`OCI_AUTH_TOKEN="«${an(20)}»"`], miss: ['OCI_REGION="us-ashburn-1"'] },
  digitalocean_pat: { hit: [`«dop_v1_${hex(64)}»`], miss: [`dop_v1_${hex(63)}`] },
  digitalocean_oauth_token: { hit: [`«doo_v1_${hex(64)}»`], miss: [`doo_v1_${hex(63)}`] },
  digitalocean_refresh_token: { hit: [`«dor_v1_${hex(64)}»`], miss: [`dor_v1_${hex(63)}`] },
  heroku_api_key: { hit: [`«HRKU-AA${us(58)}»`], miss: [`HRKU-AA${us(50)}`] },
  heroku_api_key_legacy: { hit: [`HEROKU_API_KEY=«${uuid()}»`], miss: [`HEROKU_APP_ID=${uuid()}`] },
  flyio_access_token: { hit: [`«fo1_${us(43)}»`], miss: [`Fo1_${us(43)}`, `fo1_${'x'.repeat(43)}`] },
  flyio_macaroon_token: { hit: [`«fm2_${b64(150)}»`], miss: [`fm2_${b64(30)}`] },
  vercel_personal_access_token: { hit: [`«vcp_${an(40)}»`], miss: ['vcp_abc'] },
  vercel_integration_token: { hit: [`«vci_${an(40)}»`], miss: ['vci_abc'] },
  vercel_app_access_token: { hit: [`«vca_${an(56)}»`], miss: ['vca_abc'] },
  vercel_app_refresh_token: { hit: [`«vcr_${an(40)}»`], miss: ['vcr_abc'] },
  vercel_ai_gateway_key: { hit: [`«vck_${an(40)}»`], miss: ['vck_abc'] },
  netlify_access_token: { hit: [`«nfp_${an(36)}»`], miss: [`nfp_${an(20)}`] },
  netlify_token_legacy: { hit: [`NETLIFY_AUTH_TOKEN=«${us(43)}»`], miss: [`NETLIFY_SITE_ID=${us(43)}`] },
  cloudflare_account_api_token: { hit: [`CLOUDFLARE_API_TOKEN=«cfat_${an(48)}»`], miss: [`xcfat_${an(48)}`, 'cfat_tooshort'] },
  cloudflare_user_api_token: { hit: [`«cfut_${an(48)}»`], miss: [`cfut_${an(49)}`] },
  cloudflare_global_api_key: { hit: [`«cfk_${an(48)}»`], miss: [`cf_${an(48)}`] },
  cloudflare_api_token_legacy: { hit: [`CLOUDFLARE_API_TOKEN=«${us(40)}»`], miss: [`CLOUDFLARE_ZONE_ID=${hex(32)}`] },
  cloudflare_origin_ca_key: { hit: [`«v1.0-${hex(24)}-${hex(146)}»`], miss: [`v1.0-${hex(24)}-${hex(20)}`] },
  supabase_access_token: { hit: [`«sbp_${hex(40)}»`], miss: [`sbp_${hex(39)}`] },
  supabase_secret_key: { hit: [`«sb_secret_${us(40)}»`], miss: ['sb_secret_short'] },
  planetscale_password: { hit: [`«pscale_pw_${us(43)}»`], miss: [`pscale_pw_${us(10)}`] },
  planetscale_api_token: { hit: [`«pscale_tkn_${us(43)}»`], miss: [`pscale_tkn_${us(10)}`] },
  planetscale_oauth_token: { hit: [`«pscale_oauth_${us(43)}»`], miss: [`pscale_oauth_${us(10)}`] },
  terraform_cloud_token: { hit: [`token = "«${an(14)}.atlasv1.${us(67)}»"`], miss: [`xxxxxxxxxxxxxx.atlasv1.${'x'.repeat(67)}`] },
  pulumi_access_token: { hit: [`«pul-${hex(40)}»`], miss: [`vipul-${hex(40)}`] },
  doppler_personal_token: { hit: [`«dp.pt.${an(43)}»`], miss: [`dp.pt.${an(20)}`] },
  doppler_cli_token: { hit: [`«dp.ct.${an(43)}»`], miss: [`dp.ct.${an(20)}`] },
  doppler_service_account_token: { hit: [`«dp.sa.${an(43)}»`], miss: [`dp.sa.${an(20)}`] },
  doppler_scim_token: { hit: [`«dp.scim.${an(43)}»`], miss: [`dp.scim.${an(20)}`] },
  doppler_audit_token: { hit: [`«dp.audit.${an(43)}»`], miss: [`dp.audit.${an(20)}`] },
  doppler_service_token: { hit: [`«dp.st.dev.${an(40)}»`], miss: [`dp.st.dev.${an(20)}`] },
  vault_service_token: { hit: [`VAULT_TOKEN=«hvs.${us(90)}»`], miss: ['hvs.example', `xhvs.${us(90)}`] },
  vault_batch_token: { hit: [`«hvb.${us(140)}»`], miss: ['hvb.tooshortxxx'] },
  vault_recovery_token: { hit: [`«hvr.${us(90)}»`], miss: ['hvr.placeholder'] },
  vault_legacy_token: { hit: ['token: «s.ZC9Ecf4M5g9o34Q6RkzGsj0z»'], miss: ['s.AcceptanceTimeoutSeconds', 's.thisstringisalllowercase', 'o.s.b.f.s.DefaultListableBeanFa'] },
  onepassword_service_account_token: { hit: [`«ops_eyJ${b64(300)}»`], miss: ['ops_eyJzaWduSW5B..[Redacted]', `ops_DUMMY${b64(300)}`] },
  onepassword_secret_key: { hit: [`«A3-${uc(6)}-${uc(11)}-${uc(5)}-${uc(5)}-${uc(5)}»`], miss: ['A3-XXXXXX-XXXXXXXXXXX-XXXXX-XXXXX-XXXXX'] },
  // vcs
  github_pat: { hit: [`token: «ghp_${checksummed()}»`], miss: [`ghp_${'x'.repeat(36)}`, `gXX_${checksummed()}`, `xghp_${checksummed()}`] },
  github_oauth_token: { hit: [`«gho_${checksummed()}»`], miss: [`gho_${'x'.repeat(36)}`] },
  github_user_to_server_token: { hit: [`«ghu_${checksummed()}»`], miss: [`ghu_${'x'.repeat(36)}`] },
  github_refresh_token: { hit: [`«ghr_${checksummed()}»`], miss: [`ghr_${'x'.repeat(36)}`] },
  github_server_to_server_token: {
    hit: [`«ghs_${checksummed()}»`, `«ghs_12345_${b64url('{"alg":"RS256"}')}.${b64url('{"iat":1}')}.${us(43)}»`],
    miss: [`ghs_${'x'.repeat(36)}`],
  },
  github_fine_grained_pat: { hit: [`«github_pat_${an(22)}_${an(59)}»`], miss: [`github_pat_${an(22)}_${an(20)}`, `github_pat_${'x'.repeat(22)}_${'x'.repeat(59)}`] },
  github_client_secret: { hit: [`GITHUB_CLIENT_SECRET=«${hex(40)}»`], miss: [`GITHUB_CLIENT_ID=${hex(40)}`] },
  gitlab_pat: { hit: [`«glpat-${us(20)}»`, `«glpat-${us(40)}.01${lc(7)}»`], miss: [`glpat_${us(20)}`, 'glpat-abc', 'glpat-XXXXXXXXXXX-XXXXXXXX'] },
  gitlab_deploy_token: { hit: [`«gldt-${us(20)}»`], miss: [`gldt-${us(19)}`] },
  gitlab_feed_token: { hit: [`«glft-${us(20)}»`], miss: [`glft-${us(19)}`] },
  gitlab_scim_token: { hit: [`«glsoat-${us(50)}»`], miss: [`glsoat-${us(51)}`] },
  gitlab_runner_token: { hit: [`«glrt-${us(20)}»`], miss: [`glrt-${us(10)}`] },
  gitlab_runner_registration_token: { hit: [`«GR1348941${us(20)}»`], miss: ['GR134894112312312312312312312', `GR1348941${us(10)}`] },
  gitlab_ci_build_token: { hit: [`«glcbt-${us(20)}»`], miss: [`glcbt-${us(10)}`] },
  gitlab_incoming_mail_token: { hit: [`«glimt-${us(25)}»`], miss: [`glimt-${us(23)}`, `glimt-${us(29)}`] },
  gitlab_pipeline_trigger_token: { hit: [`«glptt-${us(40)}»`], miss: [`glptt-${us(43)}`, `glptt-${us(20)}`] },
  gitlab_agent_token: { hit: [`«glagent-${us(60)}»`], miss: [`glagent-${us(20)}`] },
  gitlab_oauth_app_secret: { hit: [`«gloas-${us(64)}»`], miss: [`gloas-${us(44)}`] },
  gitlab_feature_flag_token: { hit: [`«glffct-${us(20)}»`], miss: [`glffct-${us(10)}`] },
  gitlab_session_cookie: { hit: [`Cookie: _gitlab_session=«${lc(32)}»`], miss: [`_gitlab_session=${lc(10)}`] },
  bitbucket_app_password: { hit: [`«ATBB${an(32)}»`], miss: [`ATBB${an(10)}`] },
  bitbucket_client_secret: { hit: [`BITBUCKET_CLIENT_SECRET=«${us(32)}»`], miss: [`BITBUCKET_CLIENT_KEY=${an(18)}`] },
  atlassian_api_token: { hit: [`«ATATT3${us(186)}»`], miss: [`ATATT3${us(20)}`] },
  atlassian_api_token_legacy: { hit: [`JIRA_API_TOKEN=«${an(24)}»`], miss: [`JIRA_PROJECT=${an(24)}`, 'getPagesInConfluenceSpace,searchConfluenceUsingCql'] },
  sourcegraph_access_token: { hit: [`«sgp_${hex(16)}_${hex(40)}»`, `«sgp_local_${hex(40)}»`], miss: [`sgp_${hex(39)}G`, 'sgp_5555555dAAAAA7777777CcccCFaaaaaaaaaaaaaa'] },
  sourcegraph_access_token_legacy: { hit: [`sourcegraph: «${hex(40)}»`], miss: [`sourcegraph: ${hex(39)}`] },
  // devops
  npm_access_token: { hit: [`//registry.npmjs.org/:_authToken=«npm_${checksummed()}»`], miss: [`npm_${'x'.repeat(36)}`] },
  pypi_upload_token: { hit: [`«${pypiToken()}»`], miss: [pypiToken().slice(0, 90)] },
  rubygems_api_key: { hit: [`«rubygems_${hex(48)}»`], miss: [`rubygems_${hex(10)}`] },
  nuget_api_key: { hit: [`«oy2${lc(43)}»`], miss: [`oy2${lc(10)}`] },
  clojars_deploy_token: { hit: [`«CLOJARS_${lc(60)}»`], miss: [`CLOJARS_${lc(20)}`] },
  crates_io_api_token: { hit: [`«cio${an(32)}»`], miss: [`precious${an(32)}`] },
  docker_hub_pat: { hit: [`DOCKER_TOKEN=«dckr_pat_${us(27)}»`], miss: ['dckr_pat_tooshort'] },
  docker_hub_org_token: { hit: [`«dckr_oat_${us(32)}»`], miss: ['dckr_oat_tooshort'] },
  artifactory_api_key: {
    // Masked values are reported (at 0.6) in this family; real ones need the real length.
    hit: [`«AKCp${an(69)}»`, `X-JFrog-Art-Api: «AKCp${'X'.repeat(69)}»`, 'artif-key:«AKCxxxxxxxxxx»'],
    miss: [`testAKCp${an(69)}`, 'AKCxxxxxxx', `AKC${an(40)}`, 'X-JFrog-Art-Api: $API_KEY'],
  },
  artifactory_encrypted_password: {
    hit: [`artifactory:_password=«AP6${an(30)}x9»`, '"«APBxxxxxxxxxx»"'],
    miss: ['APACHE2LICENSE', 'AP1234567890123456789', `testAP6${an(30)}`, 'AP6xxxxxx', `APG${an(30)}`],
  },
  artifactory_reference_token: { hit: [`«cmVmd${an(59)}»`], miss: [`cmVmd${'X'.repeat(59)}`] },
  circleci_personal_token: { hit: [`«CCIPAT_${an(22)}_${hex(40)}»`], miss: [`CCIPAT_${an(22)}_${hex(20)}`] },
  circleci_project_token: { hit: [`«CCIPRJ_${an(22)}_${hex(40)}»`], miss: [`CCIPRJ_${an(22)}_${hex(20)}`] },
  buildkite_api_token: { hit: [`«bkua_${hex(40)}»`], miss: [`bkua_${hex(20)}`] },
  sonarqube_token: { hit: [`«squ_${hex(40)}»`], miss: [`sqx_${hex(40)}`] },
  snyk_api_token: { hit: [`SNYK_TOKEN=«${uuid()}»`], miss: [`SNYK_ORG_ID=${uuid()}`] },
  codecov_token: { hit: [`CODECOV_TOKEN=«${uuid()}»`], miss: [`CODECOV_URL=${uuid()}`] },
  octopus_deploy_api_key: { hit: [`set apikey="«API-${uc(26)}»"`], miss: [`GSSAPI-${uc(26)}`, `API-${uc(32)}`] },
  harness_pat: { hit: [`«pat.${us(22)}.${hex(24)}.${an(20)}»`], miss: [`pat.${us(22)}.${hex(10)}`] },
  infracost_api_token: { hit: [`«ico-${an(32)}»`], miss: [`box.ico-${hex(32)}.png`, `ico-${'X'.repeat(32)}`] },
  prefect_api_token: { hit: [`«pnu_${an(36)}»`], miss: [`pnu_${'X'.repeat(36)}`] },
  scalingo_api_token: { hit: [`«tk-us-${us(48)}»`], miss: [`tk-us-${us(20)}`] },
  openshift_user_token: { hit: [`oc login --token=«sha256~${us(43)}»`], miss: ['sha256~XXXXXXXXXX_PUT_YOUR_TOKEN_HERE_XXXXXXXXXXXX'] },
  tailscale_api_key: { hit: [`«tskey-api-${an(12)}-${an(24)}»`], miss: [`xtskey-api-${an(12)}-${an(24)}`] },
  tailscale_auth_key: { hit: [`«tskey-auth-${an(12)}-${an(24)}»`], miss: [`tskey-auth-${an(12)}`] },
  tailscale_oauth_client_secret: { hit: [`«tskey-client-${an(12)}-${an(24)}»`], miss: [`tskey-client-${an(3)}`] },
  tailscale_scim_key: { hit: [`«tskey-scim-${an(12)}-${an(24)}»`], miss: [`tskey-scim-${an(3)}`] },
  tailscale_webhook_key: { hit: [`«tskey-webhook-${an(12)}-${an(24)}»`], miss: [`tskey-webhook-${an(3)}`] },
  tailscale_key: { hit: [`«tskey-future-${an(12)}-${an(24)}»`], miss: ['tskey-foo'] },
  ngrok_api_key: { hit: [`NGROK_AUTHTOKEN=«2${an(26)}_${an(21)}»`], miss: [`NGROK_AUTHTOKEN=${an(20)}`] },
  // payment
  stripe_secret_key_live: { hit: [`«sk_live_${an(24)}»`], miss: [`xsk_live_${an(24)}`, 'sk_live_short'] },
  stripe_secret_key_test: { hit: [`«sk_test_${an(24)}»`], miss: [`foosk_test_${an(24)}`] },
  stripe_restricted_key_live: { hit: [`«rk_live_${an(24)}»`], miss: ['rk_live_x'] },
  stripe_restricted_key_test: { hit: [`«rk_test_${an(24)}»`], miss: ['rk_test_y'] },
  stripe_webhook_secret: { hit: [`«whsec_${an(32)}»`], miss: ['whsec_abc'] },
  square_access_token: { hit: [`«EAAA${us(60)}»`], miss: [`eaaa${us(60)}`] },
  square_access_token_legacy: { hit: [`«sq0atp-${us(22)}»`], miss: ['sq0atp-short'] },
  square_oauth_secret: { hit: [`«sq0csp-${us(43)}»`], miss: ['sq0csp-short'] },
  braintree_access_token: { hit: [`«access_token$production$${lc(16)}$${hex(32)}»`], miss: [`access_token$production$${lc(16)}$${hex(10)}`] },
  paypal_client_secret: { hit: [`PAYPAL_CLIENT_SECRET=«${us(80)}»`], miss: [`PAYPAL_CLIENT_ID=${us(80)}`] },
  shopify_access_token: { hit: [`«shpat_${hex(32)}»`], miss: ['shpatSSSSS_SSSS'] },
  shopify_custom_app_token: { hit: [`«shpca_${hex(32)}»`], miss: ['shpca_short'] },
  shopify_private_app_token: { hit: [`«shppa_${hex(32)}»`], miss: ['shppa_short'] },
  shopify_shared_secret: { hit: [`«shpss_${an(32)}»`], miss: ['shpssSSSSS_SSSS_sssss'] },
  plaid_access_token: { hit: [`«access-sandbox-${uuid()}»`], miss: [`access-staging-${uuid()}`] },
  plaid_secret: { hit: [`PLAID_SECRET=«${hex(30)}»`], miss: [`PLAID_CLIENT_ID=${hex(24)}`] },
  flutterwave_secret_key: { hit: [`«FLWSECK_TEST-${hexah(32)}-X»`], miss: [`FLWPUBK_TEST-${hexah(32)}-X`] },
  flutterwave_encryption_key: { hit: [`«FLWSECK_TEST${hexah(12)}»`], miss: [`FLWSECK_TEST${hexah(6)}`] },
  gocardless_access_token: { hit: [`GOCARDLESS_ACCESS_TOKEN=«live_${us(40)}»`], miss: ['GOCARDLESS_ACCESS_TOKEN=live_short'] },
  shippo_api_token: { hit: [`«shippo_live_${hex(40)}»`], miss: [`shippo_live_${hex(10)}`] },
  easypost_api_key: { hit: [`«EZAK${lc(54)}»`], miss: [`+EZAK${lc(54)}`] },
  easypost_test_api_key: { hit: [`«EZTK${lc(54)}»`], miss: [`/EZTK${lc(54)}`] },
  razorpay_key_secret: { hit: [`RAZORPAY_KEY_SECRET=«${an(24)}»`], miss: [`RAZORPAY_KEY_ID=${an(24)}`] },
  mollie_api_key: { hit: [`MOLLIE_API_KEY=«live_${an(30)}»`], miss: [`MOLLIE_API_KEY=live_${an(10)}`] },
  duffel_api_token: { hit: [`«duffel_test_${us(43)}»`], miss: ['duffel_test_short'] },
  // chat
  slack_bot_token: { hit: [`«xoxb-${digits(11)}-${digits(13)}-${an(24)}»`], miss: ['xoxb-12345-abcd234', 'xoxb-xxxxxxxxx-xxxxxxxxxx-xxxxxxxxxxxx'] },
  slack_legacy_bot_token: { hit: [`«xoxb-${digits(12)}-${an(24)}»`], miss: ['xoxb-abcdef-abcdef', 'xoxb-Slack_BOT_TOKEN'] },
  slack_user_token: { hit: [`«xoxp-${digits(11)}-${digits(11)}-${digits(12)}-${an(32)}»`], miss: [`xoxp-1234-1234-1234-${hex(32)}`] },
  slack_app_token: { hit: [`«xapp-1-A${uc(10)}-${digits(13)}-${hex(64)}»`], miss: ['xapp-1'] },
  slack_config_access_token: { hit: [`«xoxe.xoxp-1-${uc(164)}»`], miss: ['xoxe.xoxp-1-initial'] },
  slack_config_refresh_token: { hit: [`«xoxe-1-${uc(146)}»`], miss: ['xoxe-1-xxx', 'XOxE-RROAmw, Home and Garden'] },
  slack_legacy_workspace_token: { hit: [`«xoxa-2-${an(32)}»`], miss: ['https://github.com/xoxa-nyc/xoxa-nyc.github.io'] },
  slack_legacy_token: { hit: [`«xoxs-${digits(10)}-${digits(10)}-${digits(10)}-${hex(64)}»`], miss: ['2018-250-xoxo-indieweb-1.jpg'] },
  slack_webhook_url: { hit: [`https://hooks.slack.com/services/«T${uc(8)}/B${uc(8)}/${an(24)}»`], miss: ['https://hooks.slack.com/services/TXXXXX/BXXXXX/XXXXXXXXXX'] },
  discord_bot_token: { hit: [`«M${us(23)}.${us(6)}.${us(27)}»`], miss: [`P${us(23)}.${us(6)}.${us(27)}`, `M${us(23)}.${us(5)}.${us(27)}`] },
  discord_webhook_url: { hit: [`https://discord.com/api/webhooks/${digits(18)}/«${us(68)}»`], miss: [`https://discord.com/api/webhooks/${digits(18)}/${us(20)}`] },
  discord_client_secret: { hit: [`DISCORD_CLIENT_SECRET=«${us(32)}»`], miss: [`discord=${'0'.repeat(32)}`] },
  telegram_bot_token: { hit: [`«${digits(10)}:AA${us(33)}»`], miss: [`bot${digits(9)}:AA${us(33)}`, `foo:AA${us(33)}`] },
  twilio_api_key: { hit: [`«SK${hex(32)}»`, `«SK${'x'.repeat(32)}»`], miss: [`ASK${hex(32)}`, `SKU${hex(31)}`, `SK${hex(33)}`] },
  twilio_account_sid: { hit: [`TWILIO_ACCOUNT_SID=«AC${hex(32)}»`, `«AC${'x'.repeat(32)}»`], miss: [`BAC${hex(32)}`, `AC${hex(32).toUpperCase()}Z`, `AC${'0'.repeat(32)}`] },
  twilio_auth_token: { hit: [`TWILIO_AUTH_TOKEN=«${hex(32)}»`], miss: [`TWILIO_ACCOUNT_SID=${hex(32)}`] },
  sendgrid_api_key: { hit: [`«SG.${us(22)}.${us(43)}»`], miss: [`SG.${us(22)}..${us(43)}`, `AG.${us(22)}.${us(43)}`] },
  mailgun_api_key: { hit: [`«key-${hex(32)}»`], miss: ['key-value-store'] },
  mailgun_signing_key: { hit: [`MAILGUN_WEBHOOK_SIGNING_KEY=«${hexah(32)}-${hexah(8)}-${hexah(8)}»`], miss: [`MAILGUN_WEBHOOK_SIGNING_KEY=${hexah(32)}`] },
  mailchimp_api_key: { hit: [`«${hex(32)}-us6»`], miss: [`${hex(32)}-2`, `${hex(32)}-al32`] },
  mandrill_api_key: { hit: [`MANDRILL_API_KEY=«md-${us(22)}»`], miss: ['MANDRILL_API_KEY=md-short'] },
  postmark_server_token: { hit: [`POSTMARK_SERVER_TOKEN=«${uuid()}»`], miss: [`POSTMARK_SERVER_ID=${uuid()}`] },
  brevo_api_key: { hit: [`«xkeysib-${hex(64)}-${an(16)}»`], miss: [`xkeysib-${hex(20)}`] },
  microsoft_teams_webhook_url: {
    hit: [`«https://contoso.webhook.office.com/webhookb2/${uuid()}@${uuid()}/IncomingWebhook/${hex(32)}/${uuid()}»`],
    miss: [`https://contoso.webhook.office.com/webhookb2/${uuid()}`],
  },
  google_chat_webhook_url: { hit: [`https://chat.googleapis.com/v1/spaces/AAAA${an(7)}/messages?key=${us(39)}&token=«${us(43)}»`], miss: ['https://chat.googleapis.com/v1/spaces/AAAA/messages'] },
  twitter_bearer_token: { hit: [`«${'A'.repeat(22)}${an(90)}»`], miss: [`${'A'.repeat(22)}short`] },
  twitter_api_secret: { hit: [`TWITTER_API_SECRET=«${an(50)}»`], miss: [`TWITTER_HANDLE=${an(50)}`] },
  facebook_access_token: { hit: [`«${digits(16)}|${us(27)}»`], miss: [`${digits(10)}|${us(27)}`] },
  facebook_page_access_token: { hit: [`«EAAM${an(120)}»`], miss: [`eaam${an(120)}`] },
  facebook_app_secret: { hit: [`FACEBOOK_APP_SECRET=«${hex(32)}»`], miss: [`FACEBOOK_APP_ID=${hex(32)}`] },
  linkedin_client_secret: { hit: [`LINKEDIN_CLIENT_SECRET=«${an(16)}»`], miss: [`LINKEDIN_CLIENT_ID=${an(16)}`] },
  zendesk_api_token: { hit: [`ZENDESK_API_TOKEN=«${an(40)}»`], miss: [`ZENDESK_SUBDOMAIN=${an(40)}`] },
  intercom_access_token: { hit: [`INTERCOM_ACCESS_TOKEN=«${us(60)}»`], miss: [`INTERCOM_APP_ID=${us(60)}`] },
  twitch_api_token: { hit: [`TWITCH_CLIENT_SECRET=«${lc(30)}»`], miss: [`TWITCH_CHANNEL=${lc(30)}`] },
  // llm
  openai_api_key: { hit: [`«sk-${an(20)}T3BlbkFJ${an(20)}»`], miss: [`sk-${an(20)}T4BlbkFJ${an(20)}`] },
  openai_project_key: { hit: [`OPENAI_API_KEY=«sk-proj-${us(74)}T3BlbkFJ${us(74)}»`], miss: [`sk-proj-${us(74)}abcdefgh${us(74)}`] },
  openai_service_account_key: { hit: [`«sk-svcacct-${us(74)}T3BlbkFJ${us(74)}»`], miss: [`sk-svcacct-${us(10)}`] },
  openai_admin_key: { hit: [`«sk-admin-${us(58)}T3BlbkFJ${us(58)}»`], miss: [`sk-admin-${us(10)}`] },
  anthropic_api_key: { hit: [`ANTHROPIC_API_KEY=«sk-ant-api03-${us(93)}AA»`], miss: [`sk-ant-api03-${us(93)}BB`, `sk-ant-api03-${us(50)}AA`] },
  anthropic_admin_key: { hit: [`«sk-ant-admin01-${us(93)}AA»`], miss: [`sk-ant-admin01-${us(60)}AA`] },
  anthropic_oauth_token: { hit: [`«sk-ant-oat01-${us(95)}»`], miss: ['sk-ant-oat01-short'] },
  cohere_api_key: { hit: [`COHERE_API_KEY=«${an(40)}»`], miss: [`CO_API_KEY=${'x'.repeat(40)}`] },
  huggingface_access_token: { hit: [`«hf_${letters(34)}»`], miss: ['hf_FakeFakeFake1FakeFakeFakeFakeFakeFa', `xhf_${letters(34)}`, 'hf_requiredCharacteristicTypesForDisplayMetadata'] },
  huggingface_org_token: { hit: [`«api_org_${letters(34)}»`], miss: ['api_org_96726c78_4ae3_402f_b08b_7a78c6903d2a'] },
  groq_api_key: { hit: [`«gsk_${an(52)}»`], miss: [`wordgsk_${an(52)}`, `gsk_${an(56)}`] },
  replicate_api_token: { hit: [`«r8_${an(37)}»`], miss: [`r8_${an(10)}`] },
  perplexity_api_key: { hit: [`«pplx-${an(48)}»`], miss: [`pplx-${'x'.repeat(48)}`] },
  mistral_api_key: { hit: [`MISTRAL_API_KEY=«${an(32)}»`], miss: [`MISTRAL_MODEL=${an(32)}`] },
  xai_api_key: { hit: [`«xai-${an(80)}»`], miss: [`xai-${an(20)}`] },
  openrouter_api_key: { hit: [`«sk-or-v1-${hex(64)}»`], miss: [`sk-or-v1-${hex(20)}`] },
  langsmith_api_key: { hit: [`«lsv2_pt_${hex(32)}_${hex(10)}»`], miss: [`lsv2_pt_${hex(32)}`] },
  pinecone_api_key: { hit: [`«pcsk_${an(60)}»`], miss: ['pcsk_short'] },
  nvidia_api_key: { hit: [`«nvapi-${us(64)}»`], miss: [`nvapi-${us(20)}`] },
  fireworks_api_key: { hit: [`«fw_${an(24)}»`], miss: [`fw_${an(10)}`] },
  tavily_api_key: { hit: [`«tvly-dev-${an(32)}»`], miss: [`tvly-${an(10)}`] },
  cerebras_api_key: { hit: [`«csk-${lc(48)}»`], miss: [`csk-${lc(10)}`] },
  deepseek_api_key: { hit: [`DEEPSEEK_API_KEY=«sk-${hex(32)}»`], miss: [`DEEPSEEK_API_KEY=sk-${hex(10)}`] },
  together_api_key: { hit: [`TOGETHER_API_KEY=«${hex(64)}»`], miss: [`TOGETHER_MODEL=${hex(64)}`] },
  elevenlabs_api_key: { hit: [`ELEVENLABS_API_KEY=«sk_${hex(48)}»`], miss: [`ELEVENLABS_VOICE_ID=${hex(20)}`] },
  deepgram_api_key: { hit: [`DEEPGRAM_API_KEY=«${hex(40)}»`], miss: [`DEEPGRAM_API_KEY=${hex(20)}`] },
  assemblyai_api_key: { hit: [`ASSEMBLYAI_API_KEY=«${hex(32)}»`], miss: [`ASSEMBLYAI_API_KEY=${hex(20)}`] },
  stability_api_key: { hit: [`STABILITY_API_KEY=«sk-${an(48)}»`], miss: [`STABILITY_API_KEY=sk-${an(10)}`] },
  voyage_api_key: { hit: [`VOYAGE_API_KEY=«pa-${us(43)}»`], miss: ['VOYAGE_API_KEY=pa-short'] },
  wandb_api_key: { hit: [`WANDB_API_KEY=«${hex(40)}»`], miss: [`WANDB_PROJECT=${hex(40)}`] },
  // saas
  datadog_api_key: { hit: [`DD_API_KEY=«${hex(32)}»`], miss: [`DATADOG_SITE=${hex(32)}`] },
  datadog_app_key: { hit: [`DD_APP_KEY=«${hex(40)}»`], miss: [`DD_APP_KEY=${hex(20)}`] },
  new_relic_user_api_key: { hit: [`«NRAK-${uc(27)}»`], miss: [`NRAK-${uc(10)}`] },
  new_relic_browser_api_key: { hit: [`«NRJS-${hex(19)}»`], miss: [`NRJS-${hex(10)}`] },
  new_relic_insert_key: { hit: [`«NRII-${us(32)}»`], miss: [`NRII-${us(10)}`] },
  new_relic_query_key: { hit: [`«NRIQ-${us(32)}»`], miss: [`NRIQ-${us(10)}`] },
  new_relic_license_key: { hit: [`«${hex(36)}NRAL»`], miss: [`${hex(20)}NRAL`] },
  sentry_org_token: { hit: [`«sntrys_eyJ${b64(100)}»`], miss: ['sntrys_eyJshort'] },
  sentry_user_token: { hit: [`«sntryu_${hex(64)}»`], miss: [`sntryu_${hex(20)}`] },
  grafana_cloud_api_token: { hit: [`«glc_${b64(60)}»`], miss: ['GLC_CreateLightmapTextureArray', `glc_${'1'.repeat(42)}=`] },
  grafana_service_account_token: { hit: [`«glsa_${an(32)}_${hex(8)}»`], miss: [`glsa_${'X'.repeat(32)}_AAAAAAAA`] },
  grafana_api_key: { hit: [`«eyJrIjoi${an(80)}»`], miss: ['eyJrIjoishort'] },
  sumologic_access_id: { hit: [`SUMO_ACCESS_ID=«su${an(12)}»`], miss: [`sumOfExposures = su${an(12)}`] },
  sumologic_access_key: { hit: [`SUMO_ACCESS_KEY=«${an(64)}»`], miss: [`sumOfExposures = ${an(64)};`] },
  splunk_hec_token: { hit: [`SPLUNK_HEC_TOKEN=«${uuid()}»`], miss: [`SPLUNK_HEC_URL=${uuid()}`] },
  pagerduty_api_key: { hit: [`PAGERDUTY_API_KEY=«${us(20)}»`], miss: [`PAGERDUTY_SERVICE=${us(20)}`] },
  dynatrace_api_token: { hit: [`«dt0c01.${uc(24)}.${uc(64)}»`], miss: [`dt0c01.${uc(24)}.${uc(10)}`] },
  honeycomb_api_key: { hit: [`HONEYCOMB_API_KEY=«${an(32)}»`], miss: [`HONEYCOMB_DATASET=${an(32)}`] },
  rollbar_access_token: { hit: [`ROLLBAR_ACCESS_TOKEN=«${hex(32)}»`], miss: [`ROLLBAR_ENV=${hex(32)}`] },
  bugsnag_api_key: { hit: [`BUGSNAG_API_KEY=«${hex(32)}»`], miss: [`BUGSNAG_API_KEY=${hex(20)}`] },
  launchdarkly_access_token: { hit: [`«api-${uuid()}»`], miss: [`rest-api-${uuid()}`] },
  postman_api_key: { hit: [`«PMAK-${hex(24)}-${hex(34)}»`], miss: [`PMAK-${hex(24)}`] },
  linear_api_key: { hit: [`«lin_api_${an(40)}»`], miss: [`lin_api_${an(20)}`] },
  linear_oauth_token: { hit: [`«lin_oauth_${hex(64)}»`], miss: [`lin_oauth_${hex(20)}`] },
  notion_integration_token: { hit: [`«ntn_${digits(11)}${an(35)}»`], miss: [`ntn_${digits(10)}${letters(36)}`, 'ntn_12345678901'] },
  notion_integration_token_legacy: { hit: [`NOTION_TOKEN=«secret_${an(43)}»`], miss: ['NOTION_TOKEN=secret_abc123'] },
  figma_pat: { hit: [`«figd_${us(40)}»`], miss: ['figd_abc'] },
  asana_pat: { hit: [`ASANA_PAT=«2/${digits(16)}/${digits(16)}:${hex(32)}»`], miss: [`ASANA_PAT=2/${digits(16)}`] },
  airtable_pat: { hit: [`«pat${an(14)}.${hex(64)}»`], miss: [`pattern.${hex(64)}`] },
  airtable_api_key_legacy: { hit: [`AIRTABLE_API_KEY=«key${an(14)}»`], miss: [`AIRTABLE_BASE_ID=app${an(14)}`] },
  contentful_pat: { hit: [`«CFPAT-${us(43)}»`], miss: ['CFPAT-short'] },
  typeform_pat: { hit: [`«tfp_${an(59)}»`], miss: ['tfp_short'] },
  frameio_api_token: { hit: [`«fio-u-${us(64)}»`], miss: ['fio-u-short'] },
  adafruit_io_key: { hit: [`«aio_${an(28)}»`], miss: ['aio_short'] },
  algolia_admin_key: { hit: [`ALGOLIA_ADMIN_KEY=«${hex(32)}»`], miss: [`ALGOLIA_APP_ID=${hex(32)}`] },
  mapbox_secret_token: { hit: [`«sk.eyJ1Ijoi${us(80)}»`], miss: ['pk.eyJ1Ijoiexample'] },
  dropbox_short_lived_token: { hit: [`«sl.${us(140)}»`], miss: [`sl.${us(40)}`] },
  dropbox_long_lived_token: { hit: [`«${lc(11)}AAAAAAAAAA${lc(43)}»`], miss: [`${lc(11)}AAAAAAAAAA${lc(10)}`] },
  databricks_api_token: { hit: [`DATABRICKS_TOKEN=«dapi${hex(32)}»`], miss: [`mydapi${hex(32)}`, `dapi${hex(34)}`] },
  hubspot_private_app_token: { hit: [`«pat-na1-${uuid()}»`], miss: ['pat-na1-1234'] },
  fastly_api_token: { hit: [`FASTLY_API_TOKEN=«${us(32)}»`], miss: [`FASTLY_SERVICE_ID=${us(32)}`] },
  readme_api_token: { hit: [`«rdme_${lc(70)}»`], miss: [`rdme_${'x'.repeat(70)}`] },
  intra42_client_secret: { hit: [`«s-s4t2ud-${hex(64)}»`], miss: [`s-s4t2xx-${hex(64)}`] },
  clickhouse_cloud_secret: { hit: [`«4b1d${an(38)}»`], miss: [`adf4b1d${an(38)}`, `4b1d${'X'.repeat(38)}`] },
  beamer_api_token: { hit: [`BEAMER_API_KEY=«b_${lc(44)}»`], miss: [`BEAMER_API_KEY=b_${lc(10)}`] },
  etsy_access_token: { hit: [`ETSY_API_KEY=«${lc(24)}»`], miss: [`SetSysctl = ${lc(24)}`] },
  cisco_meraki_api_key: { hit: [`MERAKI_API_KEY=«${hex(40)}»`], miss: [`ReactNativeCameraKit: ${hex(40)}`] },
  okta_api_token: { hit: [`OKTA_API_TOKEN=«00${us(40)}»`], miss: [`rookTable = 00${us(40)}`] },
  privateai_api_token: { hit: [`PRIVATEAI_API_KEY=«${lc(32)}»`], miss: [`const privateaiToken = "${'a'.repeat(32)}";`] },
  cloudinary_url: { hit: [`CLOUDINARY_URL=cloudinary://${digits(15)}:«${us(27)}»@demo`], miss: ['cloudinary://123:abc@demo'] },
  infisical_service_token: { hit: [`«st.${uuid()}.${hex(32)}.${hex(32)}»`], miss: [`st.${uuid()}`] },
  akamai_client_token: { hit: [`«akab-${lc(16)}-${lc(16)}»`], miss: [`akab-${lc(10)}`] },
  lob_api_key: { hit: [`LOB_API_KEY=«live_${hex(35)}»`], miss: [`LOB_API_KEY=live_${hex(10)}`] },
  pusher_app_secret: { hit: [`PUSHER_APP_SECRET=«${hex(20)}»`], miss: [`PUSHER_APP_ID=${hex(20)}`] },
  jenkins_api_token: { hit: [`JENKINS_API_TOKEN=«${hex(34)}»`], miss: [`JENKINS_URL=${hex(34)}`] },
  travis_ci_token: { hit: [`TRAVIS_API_TOKEN=«${us(22)}»`], miss: [`TRAVIS_BRANCH=${us(22)}`] },
  // urls
  database_url: { hit: [`DATABASE_URL=postgres://app:«${an(16)}»@db.example.com:5432/app`, `jdbc:mysql://sandy:«${an(12)}»@[h1:1111,h2:2222]/db`], miss: ['postgres://user:password@localhost/db', 'mysql://user:${PASSWORD}@example.com:3306/db', 'postgres://postgres:postgres@localhost:5432/db'] },
  mongodb_url: { hit: [`mongodb+srv://app:«${an(16)}»@cluster0.mongodb.net/db`], miss: ['mongodb://mongodb:mongodb@localhost:27017/db', 'mongodb://YOUR_USERNAME:YOUR_PASSWORD@cluster.mongodb.net/test'] },
  redis_url: { hit: [`rediss://default:«${an(24)}»@cache.example.com:6379`], miss: ['redis://localhost:6379'] },
  amqp_url: { hit: [`amqps://app:«${an(16)}»@mq.example.com/vhost`], miss: ['amqp://guest:guest@localhost:5672'] },
  url_basic_auth: {
    hit: [`https://deploy:«${an(16)}»@git.example.com/repo.git`, 'http://cafebabe:«deadbeef»@gems.contribsys.com/', `[url](https://svc:«myC0mpl3xP@ss»@service.internal.com)`, 'ftp://admin:«root»@files.example.com'],
    miss: ['https://${username}:${password}@api.example.com', 'https://{USER}:{PASS}@t.example.com', 'https://user:abc@api.com/v1', 'https://testuser:xxxx@demo.com', 'https://url:8000/ @something', 'https://username:mypassword@example.com', 'https://user:undefined@example.com'],
  },
  // config files
  curl_basic_auth: {
    hit: [`curl -u admin:«${an(16)}» https://api.example.com`, `curl -s --user 'api:«${an(12)}»' \\\n  https://api.mailgun.net`, `curl -u «sk_${an(24)}»: https://api.example.com`],
    miss: ['curl -u "$USER:$PASS" https://x', "curl -i -u 'test:test'", 'curl -u <user:password> https://test.com', 'curl -u username:token'],
  },
  npmrc_auth_token: { hit: [`//registry.npmjs.org/:_authToken=«${uuid()}»`, '//registry.npmjs.org/:_authToken=«npm_xxxxxxxxxxx»'], miss: ['//registry.npmjs.org/:_authToken=${NPM_TOKEN}', `//registry.npmjs.org:_authToken=${uuid()}`] },
  docker_config_auth: { hit: [`{"auths":{"r.io":{"auth":"«${Buffer.from(`deploy:${an(16)}`).toString('base64')}»"}}}`], miss: [`{"auth":"${Buffer.from('nocolonhere').toString('base64')}"}`] },
  netrc_password: { hit: [`machine api.example.com login deploy password «${an(16)}»`], miss: ['machine api.example.com login deploy password password'] },
  kubeconfig_client_key: { hit: [`client-key-data: «LS0tLS1CRUdJT${b64(200)}»`], miss: ['client-key-data: LS0tLS1CRUdJTshort'] },
  sidekiq_credentials: { hit: [`BUNDLE_ENTERPRISE__CONTRIBSYS__COM=«${hex(8)}:${hex(8)}»`], miss: ['BUNDLE_ENTERPRISE__CONTRIBSYS__COM=cafe:beef'] },
  // generic
  generic_assignment: {
    hit: [`DB_PASSWORD=«${an(15)}7»`, 'password = "«hunter2»"', `"client_secret": "«${an(40)}»"`, `<password>«${an(11)}4»</password>`, `mysql --password=«${an(11)}5» --host=db`, `X-Api-Key: «${uuid()}»`],
    miss: ['password = changeme', 'token: ${TOKEN}', `api_key_id = ${hex(32)}`, 'password: string;', 'secret_key = settings.SECRET_KEY', 'max_tokens = 4096', 'password = "<your-password>"', 'PWD=/home/user', `public_key = "${an(43)}"`, 'password = xxxxxxxx', 'passwordVariable: "PASSWORD"', 'apikey = myapikey123', `_authToken=${uuidV1()}`],
  },
  authorization_header: { hit: [`Authorization: Bearer «${an(32)}»`, `-H 'Authorization: Basic «${Buffer.from(`u:${an(12)}`).toString('base64')}»'`], miss: ['Authorization: Bearer $TOKEN', 'Authorization: Token **********', 'Authorization: the process of granting access'] },
};

function unmark(marked: string): { text: string; secret: string } {
  const start = marked.indexOf('«');
  const end = marked.indexOf('»');
  return { text: marked.replace('«', '').replace('»', ''), secret: marked.slice(start + 1, end) };
}

function found(rule: SecretRule, text: string): string[] {
  return rule.find(createScanState(text)).map((m) => text.slice(m.start, m.end));
}

describe('secret rule catalogue', () => {
  it('has at least 150 rules with unique snake_case ids and lower-case keywords', () => {
    const ids = secretRules.map((r) => r.id);
    expect(ids.length).toBeGreaterThanOrEqual(150);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of secretRules) {
      expect(r.id).toMatch(/^[a-z][a-z0-9]*(?:_[a-z0-9]+)*$/);
      expect(r.keywords.length).toBeGreaterThan(0);
      for (const k of r.keywords) expect(k).toBe(k.toLowerCase());
      expect(r.description.length).toBeGreaterThan(5);
    }
  });

  it('has a matching case and a near miss for every rule, and no case for a rule that does not exist', () => {
    const ids = new Set(secretRules.map((r) => r.id));
    expect(Object.keys(cases).filter((id) => !ids.has(id))).toEqual([]);
    for (const id of ids) {
      expect(cases[id]?.hit.length ?? 0, id).toBeGreaterThan(0);
      expect(cases[id]?.miss.length ?? 0, id).toBeGreaterThan(0);
    }
  });

  for (const rule of secretRules) {
    const c = cases[rule.id];
    if (!c) continue;
    it(`${rule.id}: reports the secret span and nothing on near misses`, () => {
      for (const marked of c.hit) {
        const { text, secret } = unmark(marked);
        expect(found(rule, text), `${rule.id} hit: ${text.slice(0, 80)}`).toContain(secret);
      }
      for (const text of c.miss) expect(found(rule, text), `${rule.id} miss: ${text.slice(0, 80)}`).toEqual([]);
    });
  }

  it('never puts the secret value into a reason', () => {
    for (const rule of secretRules) {
      for (const marked of cases[rule.id]?.hit ?? []) {
        const { text, secret } = unmark(marked);
        for (const m of rule.find(createScanState(text))) {
          expect(m.reason).toContain(`secret.${rule.id}`);
          expect(m.reason.includes(secret)).toBe(false);
          expect(m.score).toBeGreaterThan(0);
          expect(m.score).toBeLessThanOrEqual(1);
        }
      }
    }
  });
});
