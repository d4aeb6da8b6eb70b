-- Indexes are built after the tables so that a resolution run can drop and rebuild the golden ones
-- around its bulk COPY (see PersonStore.replaceGolden).
CREATE INDEX basedata_person_id_number ON basedata_person (id_number);
CREATE INDEX basedata_person_name ON basedata_person (name);
CREATE INDEX basedata_person_division ON basedata_person (division_code text_pattern_ops);
CREATE INDEX basedata_person_member_person ON basedata_person_member (person_id);
CREATE INDEX basedata_person_match_source ON basedata_person_match (source_id);
CREATE INDEX basedata_person_match_other ON basedata_person_match (other_source_id);
CREATE INDEX basedata_person_source_id_number ON basedata_person_source (id_number);
