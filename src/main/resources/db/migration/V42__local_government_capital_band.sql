-- V42: a local government's 資本金 band is 「いずれも該当しない」 (issue 10 item 3). The survey's capital question
-- tells local governments to choose it (安全基準等の浸透状況に関する調査, 基礎情報 資本金: 「※地方公共団体の場合は、5：
-- いずれも該当しないを選択」; FY2024 report 別冊, text extraction S000 L423; FY2023 S001 L304), and MemberRules now
-- enforces it for a member with a 全国地方公共団体コード or the sub-sector LOCAL_GOVERNMENT. Members stored before
-- that rule are brought in line: a missing or other band becomes none-of-these; the band they had is kept in
-- capital_band_before_v42 (NULL when there was none), and the row's version is bumped so cached ETags go stale.
ALTER TABLE member_operator
    ADD COLUMN capital_band_before_v42 VARCHAR(40) NULL AFTER capital_band;

UPDATE member_operator
   SET capital_band_before_v42 = capital_band, capital_band = 'none-of-these', version = version + 1
 WHERE (local_government_code IS NOT NULL OR sub_sector_code = 'LOCAL_GOVERNMENT')
   AND (capital_band IS NULL OR capital_band <> 'none-of-these');
