-- V41: the TLP reference data says where its definitions come from (issue 10 item 3). V2 keeps, per level, the
-- narrative definition of 「重要インフラのサイバーセキュリティに係る行動計画」に基づく情報共有の手引書 (NISC) and the
-- Cybersecurity Council rules; the wording printed beside each box of the two forms of that handbook, and the fact
-- that the sources disagree (RED is defined three ways; the provision form's GREEN is narrower), were only in V2's
-- SQL comments and REFERENCE-DATA.md. They become data here (V2 is applied and never edited):
--   liaison_form_ja   情報連絡様式 (the liaison form), text in the brackets after 「<TLP> = <name>」, verbatim
--                     (handbook L35781–35806; the cleaner copy of the form L39021–39056); NULL for CLEAR, whose box
--                     carries the name only;
--   provision_form_ja 情報提供様式 (the provision form), likewise (handbook L36661–36674);
--   source_note_ja/en what differs between the handbook narrative, the two forms and the Council rules, and the rules
--                     that apply at every level (L36397–36423). Product-written, not source text.
-- Line numbers refer to the project's text extraction of the handbook (seed 004); see REFERENCE-DATA.md.

ALTER TABLE tlp_level
    ADD COLUMN liaison_form_ja    VARCHAR(300)  NULL,
    ADD COLUMN provision_form_ja  VARCHAR(300)  NULL,
    ADD COLUMN source_note_ja     VARCHAR(1000) NULL,
    ADD COLUMN source_note_en     VARCHAR(1000) NULL;

UPDATE tlp_level SET
    liaison_form_ja = 'NISC重要インフラ防護担当(※１)限り',
    provision_form_ja = '情報提供先の重要インフラ所管省庁限り',
    source_note_ja = 'REDの範囲は出典により三通りに異なる。手引書の本文：ＮＩＳＣ重要インフラ防護担当及び重要インフラ所管省庁（情報提供先又は情報提供元の所管省庁）限り。情報連絡様式：NISC重要インフラ防護担当(※１)限り（所管省庁を含まない）。情報提供様式：情報提供先の重要インフラ所管省庁限り。正式な定義表（表５）は手引書の画像で、本文からは読めない。本製品は宛先として指定された者のみが閲覧できるものとして扱う。',
    source_note_en = 'The sources define RED three ways. Handbook narrative: the NISC critical-infrastructure protection desk and the competent ministry (of the recipient or of the source) only. Liaison form: the NISC desk (*1) only, no ministry. Provision form: the recipient''s competent ministry only. The formal definition table (Table 5) is an image in the handbook and cannot be read from its text. The product lets only the addressees the sender named read a RED item.'
 WHERE code = 'RED';

UPDATE tlp_level SET
    liaison_form_ja = 'NISC重要インフラ防護担当(※１)並びに情報連絡先と直接関係する分野の重要インフラ所管省庁、セプター及び重要インフラ事業者等に属する者のうち、組織内関係者限り',
    provision_form_ja = '情報提供先の直接関係する分野の重要インフラ所管省庁、セプター及び重要インフラ事業者等に属する者のうち、組織内関係者限り',
    source_note_ja = '手引書の本文は「その組織の職員」で、かつ業務上知る必要がある者に限る。様式の文言は短く、情報連絡様式はNISC(※１)を、情報提供様式は情報提供先の分野を起点とする。',
    source_note_en = 'The handbook narrative limits it to the organisations'' own staff who need to know for their work. The forms word it more briefly: the liaison form starting from the NISC desk (*1), the provision form from the recipient''s sector.'
 WHERE code = 'AMBER_STRICT';

UPDATE tlp_level SET
    liaison_form_ja = 'NISC重要インフラ防護担当(※１)並びに情報連絡先と直接関係する分野の重要インフラ所管省庁、セプター及び重要インフラ事業者等に属する者のうち、関係者限り',
    provision_form_ja = '情報提供先の直接関係する分野の重要インフラ所管省庁、セプター及び重要インフラ事業者等に属する者のうち、関係者限り',
    source_note_ja = 'AMBER+STRICTとの違いは、秘密保持契約を締結したコンサルタント・業務受託者等を含むこと（手引書の本文）。様式は「関係者限り」とのみ記す。',
    source_note_en = 'It differs from AMBER+STRICT by including consultants and contractors under a non-disclosure agreement (handbook narrative); the forms say only 「関係者限り」.'
 WHERE code = 'AMBER';

UPDATE tlp_level SET
    liaison_form_ja = 'NISC、重要インフラ所管省庁、事案対処省庁、サイバーセキュリティ関係省庁、防災関係府省庁、サイバーセキュリティ関係機関、サイバー空間関連事業者、セプター及び重要インフラ事業者等に属する者限り',
    provision_form_ja = '重要インフラ所管省庁、セプター及び重要インフラ事業者等に属する者限り',
    source_note_ja = '情報提供様式のGREENは手引書の本文・情報連絡様式より狭く、事案対処省庁、サイバーセキュリティ関係省庁、防災関係府省庁、サイバーセキュリティ関係機関及びサイバー空間関連事業者を含まない。',
    source_note_en = 'The provision form''s GREEN is narrower than the handbook narrative and the liaison form: it leaves out the incident-response ministries, the cybersecurity ministries, the disaster-management ministries, the cybersecurity organisations and cyberspace-related businesses.'
 WHERE code = 'GREEN';

-- Rules of the handbook that apply at every level (L36397-36423), appended to every level's note.
UPDATE tlp_level SET
    source_note_ja = CONCAT(COALESCE(CONCAT(source_note_ja, ' '), ''), 'どのレベルでも、情報発信者は共有範囲外の対象を追加できる。NISCは事案対処及び情報の集約・分析のため、TLPにかかわらず内閣官房（事態対処・危機管理担当）及びあらかじめ連携を要請したサイバーセキュリティ関係機関と情報共有を行う（※１）。範囲外に共有してよい部分は特記事項に記す。'),
    source_note_en = CONCAT(COALESCE(CONCAT(source_note_en, ' '), ''), 'At every level the sender may add recipients outside the range; NISC shares, whatever the TLP, with the Cabinet Secretariat (crisis management) and the cybersecurity organisations it asked in advance to cooperate (*1); parts that may be shared outside the range are described in the special remarks (特記事項).');
