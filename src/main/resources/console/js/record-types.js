// The readiness record types: for each, its API path under /api/v1/members/{memberId}/, its form (descriptors as in
// forms.js, labels in both languages) and its list columns. Option lists come from the API (codes.js).
import { options, cloudOptions, reference } from './codes.js';

const L = (ja, en) => ({ ja, en });
const code = (name) => () => options(name);
const cloud = (name) => async () => (await cloudOptions())[name];

const owner = [
  { name: 'ownerName', label: 'common.ownerName', kind: 'text', max: 200 },
  { name: 'ownerRole', label: 'common.ownerRole', kind: 'text', max: 200 },
];

/** 設問55 checks and 設問56 measures: a coded item with its status and evidence. */
const statusItems = (name, label, itemLabel, list) => ({ name, label, kind: 'list', fields: [
  { name: 'code', label: itemLabel, kind: 'select', required: true, options: cloud(list) },
  { name: 'otherText', label: L('その他の内容', 'Other (text)'), kind: 'text', max: 500 },
  { name: 'status', label: L('状況', 'Status'), kind: 'select', required: true, options: cloud('itemStatus') },
  { name: 'evidenceDate', label: L('確認日', 'Evidence date'), kind: 'date' },
  { name: 'evidence', label: L('根拠', 'Evidence'), kind: 'text', max: 500 },
  { name: 'notes', label: 'common.notes', kind: 'text', max: 2000 },
] });

export const RECORD_TYPES = [
  {
    type: 'contacts', freshness: 'contacts', label: L('連絡先（コールツリー）', 'Contacts (call tree)'),
    one: L('連絡先', 'contact'),
    title: (c) => c.nameJa,
    columns: [
      { label: L('氏名', 'Name'), cell: (c) => c.nameJa },
      { label: L('役割', 'Role'), cell: (c) => c.roleLabel },
      { label: L('担当', 'Functions'), cell: (c) => c.functions.map((f) => `${f.functionLabel}（${f.orderLabel}）`).join('、') },
      { label: L('対応時間', 'Availability'), cell: (c) => c.availabilityLabel },
    ],
    fields: [
      { name: 'nameJa', label: L('氏名', 'Name (Japanese)'), kind: 'text', required: true, max: 100, autocomplete: 'name' },
      { name: 'nameKana', label: L('フリガナ', 'Name (kana)'), kind: 'text', required: true, max: 100 },
      { name: 'nameEn', label: L('氏名（英字）', 'Name (Latin)'), kind: 'text', max: 100, lang: 'en' },
      { name: 'role', label: L('組織上の役割', 'Organisational role'), kind: 'select', required: true, options: code('ContactRole') },
      { name: 'department', label: L('部署', 'Department'), kind: 'text', max: 200 },
      { name: 'functions', label: L('担当機能と順位', 'Functions and call order'), kind: 'list',
        hint: L('窓口担当とインシデント連絡担当には正・副が必要です。', 'Point of contact and incident contact each need a primary and a deputy.'),
        fields: [
          { name: 'function', label: L('機能', 'Function'), kind: 'select', required: true, options: code('ContactFunction') },
          { name: 'order', label: L('順位', 'Order'), kind: 'select', required: true, options: code('CallOrder') },
        ] },
      { name: 'channels', label: L('連絡手段', 'Channels'), kind: 'list', required: true, fields: [
        { name: 'type', label: L('種別', 'Type'), kind: 'select', required: true, options: code('ChannelType') },
        { name: 'value', label: L('アドレス・番号', 'Address or number'), kind: 'text', required: true, max: 254 },
        { name: 'verifiedAt', label: L('疎通確認日', 'Verified on'), kind: 'date' },
      ] },
      { name: 'availability', label: L('対応時間', 'Availability'), kind: 'select', required: true, options: code('ContactAvailability') },
      { name: 'availabilityHours', label: L('対応時間帯（業務時間内の場合）', 'Hours (if business hours)'), kind: 'text', max: 200 },
      { name: 'notes', label: 'common.notes', kind: 'textarea', max: 2000 },
    ],
  },
  {
    type: 'suppliers', freshness: 'suppliers', label: L('サプライチェーン', 'Suppliers'), one: L('取引先', 'supplier'),
    title: (s) => s.nameJa,
    toInput: (s) => ({ ...s, supplierTypes: s.supplierTypes.map((x) => x.code),
      contractSecurity: { clauses: (s.contractSecurity?.clauses || []).map((x) => x.code), reviewedOn: s.contractSecurity?.reviewedOn } }),
    columns: [
      { label: L('名称', 'Name'), cell: (s) => s.nameJa },
      { label: L('種別', 'Type'), cell: (s) => s.supplierTypes.map((x) => x.label).join('、') },
      { label: L('重要度', 'Criticality'), cell: (s) => s.criticalityLabel || '—' },
    ],
    fields: [
      { name: 'nameJa', label: L('名称', 'Name (Japanese)'), kind: 'text', required: true, max: 200 },
      { name: 'nameKana', label: L('フリガナ', 'Name (kana)'), kind: 'text', max: 200 },
      { name: 'nameEn', label: L('名称（英字）', 'Name (Latin)'), kind: 'text', max: 200, lang: 'en' },
      { name: 'corporateNumber', label: L('法人番号', 'Corporate number'), kind: 'text', max: 13, inputmode: 'numeric' },
      { name: 'supplierTypes', label: L('事業者の種別', 'Supplier types'), kind: 'multi', required: true,
        options: async () => (await reference('/api/v1/reference/supplier-types')).map((x) => ({ code: x.code, label: x.label })) },
      { name: 'servicesSupplied', label: L('提供を受けるサービス（1行に1件）', 'Services supplied (one per line)'), kind: 'lines' },
      { name: 'criticalSystems', label: L('支える重要システム（1行に1件）', 'Critical systems supported (one per line)'), kind: 'lines' },
      { name: 'criticality', label: L('重要度', 'Criticality'), kind: 'select', options: code('SupplierCriticality') },
      { name: 'contractSecurity', label: L('契約上のセキュリティ条項', 'Security clauses in the contract'), kind: 'group', fields: [
        { name: 'clauses', label: L('条項', 'Clauses'), kind: 'multi', options: code('SupplierContractClause') },
        { name: 'reviewedOn', label: L('契約の最終確認日', 'Contract last reviewed'), kind: 'date' },
      ] },
      { name: 'incidentContact', label: L('インシデント時の連絡先', 'Incident contact'), kind: 'group', fields: [
        { name: 'name', label: L('氏名・部署', 'Name or desk'), kind: 'text', max: 200 },
        { name: 'phone', label: L('電話', 'Phone'), kind: 'tel', max: 50 },
        { name: 'email', label: L('電子メール', 'Email'), kind: 'email', max: 254 },
        { name: 'afterHours', label: L('時間外も連絡可能', 'Reachable after hours'), kind: 'bool' },
      ] },
      { name: 'country', label: L('国（ISO 3166-1 の2文字）', 'Country (ISO 3166-1 alpha-2)'), kind: 'text', max: 2 },
      { name: 'resubcontracting', label: L('再委託', 'Re-subcontracting'), kind: 'select', options: code('SupplierResubcontracting') },
      { name: 'resubcontractingNotes', label: L('再委託の補足', 'Re-subcontracting notes'), kind: 'textarea', max: 2000 },
      { name: 'notes', label: 'common.notes', kind: 'textarea', max: 2000 },
    ],
  },
  {
    type: 'cloud-services', freshness: 'cloud-services', label: L('クラウドサービス', 'Cloud services'),
    one: L('クラウドサービス', 'cloud service'),
    title: (c) => `${c.providerName} ${c.serviceName}`,
    columns: [
      { label: L('事業者・サービス', 'Provider and service'), cell: (c) => `${c.providerName} ${c.serviceName}` },
      { label: L('サービスモデル', 'Service models'), cell: (c) => (c.serviceModelsLabels || c.serviceModels).join('、') },
      { label: L('重要度', 'Importance'), cell: (c) => c.importanceLabel || '—' },
    ],
    fields: [
      { kind: 'section', label: L('サービス', 'Service'), fields: [
        { name: 'providerName', label: L('クラウドサービス事業者', 'Provider'), kind: 'text', required: true, max: 200 },
        { name: 'serviceName', label: L('サービス名', 'Service'), kind: 'text', required: true, max: 200 },
        { name: 'serviceModels', label: L('サービスモデル', 'Service models'), kind: 'multi', options: cloud('serviceModel') },
        { name: 'deploymentModel', label: L('実装モデル', 'Deployment model'), kind: 'select', options: cloud('deploymentModel') },
        { name: 'multiCloud', label: L('マルチクラウド', 'Multi-cloud'), kind: 'bool' },
        { name: 'supportedServices', label: L('支える業務・サービス', 'Services it supports'), kind: 'textarea', max: 2000 },
        { name: 'importance', label: L('重要度', 'Importance'), kind: 'select', options: cloud('importance') },
        { name: 'dataCarried', label: L('扱うデータ', 'Data carried'), kind: 'textarea', max: 2000 },
        { name: 'managedService', label: L('マネージドサービス', 'Managed service'), kind: 'bool' },
      ] },
      { kind: 'section', label: L('契約と責任分界', 'Contract and responsibilities'), fields: [
        { name: 'reSubcontracting', label: L('再委託', 'Re-subcontracting'), kind: 'select', options: cloud('reSubcontracting') },
        { name: 'reSubcontractingProhibited', label: L('再委託の禁止を契約で規定', 'Re-subcontracting prohibited by contract'), kind: 'bool' },
        { name: 'resoldByIntermediary', label: L('仲介事業者経由の契約', 'Resold by an intermediary'), kind: 'bool' },
        { name: 'providerSupportStructure', label: L('事業者のサポート体制', 'Provider support structure'), kind: 'select', options: cloud('providerSupportStructure') },
        { name: 'contractParties', label: L('契約当事者', 'Contract parties'), kind: 'list', fields: [
          { name: 'role', label: L('役割', 'Role'), kind: 'select', required: true, options: cloud('partyRole') },
          { name: 'name', label: L('名称', 'Name'), kind: 'text', required: true, max: 200 },
          { name: 'directContract', label: L('直接契約', 'Direct contract'), kind: 'bool' },
          { name: 'termsConsented', label: L('同意した規約', 'Terms consented'), kind: 'text', max: 500 },
          { name: 'contact', label: L('連絡先', 'Contact'), kind: 'text', max: 500 },
        ] },
        { name: 'dataRoles', label: L('データの役割', 'Data roles'), kind: 'list', fields: [
          { name: 'role', label: L('役割', 'Role'), kind: 'select', required: true, options: cloud('dataRole') },
          { name: 'party', label: L('担い手', 'Party'), kind: 'text', required: true, max: 200 },
          { name: 'copyOutsideCloud', label: L('クラウド外に複製', 'Copy outside the cloud'), kind: 'bool' },
        ] },
        { name: 'responsibilities', label: L('責任分界', 'Shared responsibility'), kind: 'list', fields: [
          { name: 'area', label: L('領域', 'Area'), kind: 'select', required: true, options: cloud('responsibilityArea') },
          { name: 'owner', label: L('責任主体', 'Owner'), kind: 'select', required: true, options: cloud('responsibilityOwner') },
          { name: 'party', label: L('担い手', 'Party'), kind: 'text', max: 200 },
          { name: 'implementer', label: L('実施者', 'Implementer'), kind: 'select', options: cloud('implementer') },
        ] },
      ] },
      { kind: 'section', label: L('データの所在と鍵', 'Data location and keys'), fields: [
        { name: 'providerCountry', label: L('事業者の国（2文字）', 'Provider country (2 letters)'), kind: 'text', max: 2 },
        { name: 'dataCountries', label: L('データ保存国（1行に1件、2文字）', 'Data countries (one per line, 2 letters)'), kind: 'lines' },
        { name: 'dataCountryUnidentifiable', label: L('保存国を特定できない', 'Data country cannot be identified'), kind: 'bool' },
        { name: 'dataCountryNotes', label: L('所在の補足', 'Location notes'), kind: 'textarea', max: 2000 },
        { name: 'regions', label: L('リージョン（1行に1件）', 'Regions (one per line)'), kind: 'lines' },
        { name: 'multiRegion', label: L('マルチリージョン', 'Multi-region'), kind: 'bool' },
        { name: 'foreignLawExposure', label: L('外国法の適用', 'Foreign law exposure'), kind: 'textarea', max: 2000 },
        { name: 'customerManagedKeys', label: L('利用者管理の暗号鍵', 'Customer-managed keys'), kind: 'bool' },
        { name: 'keyManagement', label: L('鍵管理', 'Key management'), kind: 'textarea', max: 2000 },
        { name: 'personalData', label: L('個人データを扱う', 'Handles personal data'), kind: 'bool' },
        { name: 'personalDataTreatment', label: L('個人データの取扱い', 'Personal data treatment'), kind: 'select', options: cloud('personalDataTreatment') },
        { name: 'personalDataBasis', label: L('外国移転の根拠', 'Basis for transfer'), kind: 'select', options: cloud('personalDataBasis') },
        { name: 'personalDataMeasures', label: L('個人データの安全管理措置', 'Personal data measures'), kind: 'textarea', max: 2000 },
      ] },
      { kind: 'section', label: L('SLA・サポート・ログ・終了', 'SLA, support, logs, exit'), fields: [
        { name: 'slaAvailabilityPercent', label: L('SLA 稼働率（%）', 'SLA availability (%)'), kind: 'number', step: '0.001', min: 0 },
        { name: 'slaNotes', label: L('SLA の補足', 'SLA notes'), kind: 'textarea', max: 2000 },
        { name: 'sloDisclosed', label: L('SLO が開示されている', 'SLO disclosed'), kind: 'bool' },
        { name: 'support24x365', label: L('24時間365日サポート', '24x365 support'), kind: 'bool' },
        { name: 'onsiteSupport', label: L('オンサイトサポート', 'On-site support'), kind: 'bool' },
        { name: 'supportNotes', label: L('サポートの補足', 'Support notes'), kind: 'textarea', max: 2000 },
        { name: 'logTypes', label: L('取得できるログ', 'Log types'), kind: 'textarea', max: 2000 },
        { name: 'logRetentionDays', label: L('ログ保存期間（日）', 'Log retention (days)'), kind: 'number', min: 0 },
        { name: 'logFee', label: L('ログ取得は有償', 'Logs cost extra'), kind: 'bool' },
        { name: 'logNotes', label: L('ログの補足', 'Log notes'), kind: 'textarea', max: 2000 },
        { name: 'exitTerms', label: L('契約終了時の条件', 'Exit terms'), kind: 'textarea', max: 2000 },
      ] },
      { kind: 'section', label: L('情報開示と障害', 'Disclosure and incidents'), fields: [
        { name: 'disclosureNotes', label: L('情報開示の方針', 'Disclosure policy'), kind: 'textarea', max: 2000 },
        { name: 'notificationMethod', label: L('障害等の通知方法', 'Notification method'), kind: 'textarea', max: 2000 },
        { name: 'executiveSummaryNotices', label: L('経営層向けの要約通知', 'Executive summary notices'), kind: 'bool' },
        { name: 'prePublicationNotice', label: L('公表前の事前通知', 'Notice before publication'), kind: 'bool' },
        { name: 'domesticOverseasParity', label: L('国内外で同等の通知', 'Same notices at home and abroad'), kind: 'bool' },
        { name: 'outageHistory', label: L('障害の履歴', 'Outage history'), kind: 'textarea', max: 4000 },
        { name: 'certifications', label: L('認証', 'Certifications'), kind: 'list', fields: [
          { name: 'code', label: L('認証', 'Certification'), kind: 'select', required: true, options: cloud('certification') },
          { name: 'otherName', label: L('その他の名称', 'Other name'), kind: 'text', max: 200 },
          { name: 'verifiedOn', label: L('確認日', 'Verified on'), kind: 'date' },
          { name: 'reference', label: L('根拠', 'Reference'), kind: 'text', max: 500 },
        ] },
      ] },
      { kind: 'section', label: L('設問55 確認事項・設問56 運用上の対策', 'Checks (Q55) and measures (Q56)'), fields: [
        statusItems('checks', L('事業者に確認した事項（設問55）', 'Items confirmed with the provider (Q55)'), L('項目', 'Item'), 'check'),
        statusItems('measures', L('運用上の対策（設問56）', 'Operational measures (Q56)'), L('対策', 'Measure'), 'measure'),
      ] },
      { kind: 'section', label: L('体制と連絡', 'People and communication'), fields: [
        { name: 'accountablePerson', label: L('責任者', 'Accountable person'), kind: 'text', max: 200 },
        { name: 'personsInCharge', label: L('担当者', 'Persons in charge'), kind: 'text', max: 500 },
        { name: 'threatInfoCollector', label: L('脅威情報の収集担当', 'Threat information collector'), kind: 'text', max: 200 },
        { name: 'communications', label: L('関係者間の連絡', 'Communication between parties'), kind: 'list', fields: [
          { name: 'link', label: L('経路', 'Link'), kind: 'select', required: true, options: cloud('communicationLink') },
          { name: 'cadence', label: L('頻度', 'Cadence'), kind: 'text', max: 200 },
          { name: 'recordsRetained', label: L('記録を保存', 'Records retained'), kind: 'bool' },
        ] },
        { name: 'lastAssessmentOn', label: L('最終評価日', 'Last assessment'), kind: 'date' },
        { name: 'lastPentestOn', label: L('最終ペネトレーションテスト日', 'Last penetration test'), kind: 'date' },
        { name: 'assessmentIntervalMonths', label: L('評価間隔（月）', 'Assessment interval (months)'), kind: 'number', min: 1 },
        { name: 'backupStrategies', label: L('バックアップ', 'Backup strategies'), kind: 'multi', options: cloud('backupStrategy') },
        { name: 'endpointControls', label: L('端末の対策', 'Endpoint controls'), kind: 'textarea', max: 2000 },
        { name: 'cyberInsurance', label: L('サイバー保険', 'Cyber insurance'), kind: 'bool' },
        { name: 'incidentContacts', label: L('インシデント時の連絡先', 'Incident contacts'), kind: 'list', fields: [
          { name: 'kind', label: L('種別', 'Kind'), kind: 'select', required: true, options: cloud('contactKind') },
          { name: 'name', label: L('名称', 'Name'), kind: 'text', required: true, max: 200 },
          { name: 'contact', label: L('連絡先', 'Contact'), kind: 'text', max: 500 },
          { name: 'notes', label: 'common.notes', kind: 'text', max: 2000 },
        ] },
        { name: 'termsChanges', label: L('規約の変更', 'Terms changes'), kind: 'list', fields: [
          { name: 'changedOn', label: L('変更日', 'Changed on'), kind: 'date', required: true },
          { name: 'description', label: L('内容', 'Description'), kind: 'text', required: true, max: 2000 },
          { name: 'impactReview', label: L('影響評価', 'Impact review'), kind: 'select', required: true, options: cloud('impactReview') },
        ] },
        ...owner,
        { name: 'notes', label: 'common.notes', kind: 'textarea', max: 4000 },
      ] },
    ],
  },
  {
    type: 'critical-services', freshness: 'critical-services', label: L('重要サービス', 'Critical services'),
    one: L('重要サービス', 'critical service'),
    title: (s) => s.displayName,
    columns: [
      { label: L('サービス', 'Service'), cell: (s) => s.displayName },
      { label: L('サービス維持レベル', 'Service maintenance level'), cell: (s) => s.ownMaintenanceLevel || s.template?.effectiveMaintenanceLevelJa || '—' },
      { label: 'RTO / RPO', cell: (s) => `${s.rtoMinutes ?? '—'} / ${s.rpoMinutes ?? '—'}` },
    ],
    fields: [
      { name: 'templateId', label: L('別紙2のサービス（ひな形）', 'Service from 別紙2 (template)'), kind: 'select', required: true,
        options: async () => (await reference('/api/v1/reference/critical-service-templates')).items
          .map((x) => ({ code: x.id, label: `${x.sectorLabel}: ${x.name}` })) },
      { name: 'name', label: L('名称（独自のサービス名）', 'Name (own service name)'), kind: 'text', max: 200 },
      { name: 'description', label: 'common.description', kind: 'textarea', max: 2000 },
      { name: 'rtoMinutes', label: L('目標復旧時間 RTO（分）', 'RTO (minutes)'), kind: 'number', min: 0 },
      { name: 'rpoMinutes', label: L('目標復旧時点 RPO（分）', 'RPO (minutes)'), kind: 'number', min: 0 },
      { name: 'ownMaintenanceLevel', label: L('自社のサービス維持レベル', 'Own service maintenance level'), kind: 'textarea', max: 2000 },
      { name: 'maintenanceLevelNotes', label: L('維持レベルの補足', 'Maintenance level notes'), kind: 'textarea', max: 2000 },
      { name: 'dependencyNotes', label: L('依存関係', 'Dependencies'), kind: 'textarea', max: 2000 },
      ...owner,
    ],
  },
  {
    type: 'systems', freshness: 'critical-services', label: L('システム', 'Systems'), one: L('システム', 'system'),
    title: (s) => s.name,
    columns: [
      { label: L('名称', 'Name'), cell: (s) => s.name },
      { label: L('種別', 'Kind'), cell: (s) => s.kindLabel },
      { label: L('重要度', 'Criticality'), cell: (s) => s.criticalityLabel || '—' },
      { label: L('設置形態', 'Hosting'), cell: (s) => s.hostingLabel || '—' },
    ],
    linked: true,
    fields: [
      { name: 'name', label: L('名称', 'Name'), kind: 'text', required: true, max: 200 },
      { name: 'kind', label: L('種別', 'Kind'), kind: 'select', required: true, options: code('BusinessSystemKind') },
      { name: 'description', label: 'common.description', kind: 'textarea', max: 2000 },
      { name: 'criticality', label: L('重要度', 'Criticality'), kind: 'select', options: code('BusinessSystemCriticality') },
      { name: 'hosting', label: L('設置形態', 'Hosting'), kind: 'select', options: code('BusinessSystemHosting') },
      { name: 'serviceIds', label: L('支える重要サービス', 'Critical services it supports'), kind: 'multi', linksTo: 'critical-services' },
      { name: 'supplierIds', label: L('関係する取引先', 'Suppliers involved'), kind: 'multi', linksTo: 'suppliers' },
      ...owner,
    ],
  },
  {
    type: 'continuity-plans', freshness: 'continuity-plans', label: L('事業継続計画等', 'Continuity plans'),
    one: L('計画', 'plan'),
    title: (p) => p.planTypeLabel,
    columns: [
      { label: L('計画', 'Plan'), cell: (p) => p.planTypeLabel },
      { label: L('策定状況', 'Status'), cell: (p) => p.statusLabel },
      { label: L('次回見直し', 'Next review'), cell: (p) => p.nextReviewDue || '—' },
    ],
    fields: [
      { name: 'planType', label: L('計画の種類', 'Plan type'), kind: 'select', required: true, options: code('ContinuityPlanType') },
      { name: 'status', label: L('策定状況', 'Status'), kind: 'select', required: true, options: code('ContinuityPlanStatus'),
        hint: L('この計画そのものの状況です。設問27・28の回答は、自己評価の画面で計画の記録から提案されます。',
          'The state of this plan itself. The answers to Q27 and Q28 are suggested from the plans on the self-assessment page.') },
      { name: 'cyberScenariosCovered', label: L('サイバー攻撃シナリオの反映', 'Cyber-attack scenarios covered'), kind: 'select',
        options: code('ContinuityCyberCoverage') },
      { name: 'lastReviewedOn', label: L('最終見直し日', 'Last reviewed'), kind: 'date' },
      { name: 'lastExercisedOn', label: L('最終演習日', 'Last exercised'), kind: 'date' },
      { name: 'nextReviewDue', label: L('次回見直し期限', 'Next review due'), kind: 'date' },
      ...owner,
      { name: 'scopeNotes', label: L('対象範囲', 'Scope'), kind: 'textarea', max: 2000 },
    ],
  },
];

export function recordType(type) {
  return RECORD_TYPES.find((r) => r.type === type);
}
