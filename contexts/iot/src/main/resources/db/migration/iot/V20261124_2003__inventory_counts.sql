-- Device counts by type, department, community and state, kept by a trigger in the same transaction as
-- every device write, so district- and town-wide inventory reads a few thousand rows instead of
-- scanning every device. Grid-level questions still read iot_device (with a division prefix).
CREATE TABLE iot_inventory_count (
    type_code  text NOT NULL,
    department text NOT NULL,
    community  text NOT NULL,
    state      text NOT NULL,
    devices    bigint NOT NULL,
    PRIMARY KEY (type_code, department, community, state)
);

CREATE FUNCTION iot_inventory_count_track() RETURNS trigger AS $$
BEGIN
    IF TG_OP = 'UPDATE' OR TG_OP = 'DELETE' THEN
        UPDATE iot_inventory_count SET devices = devices - 1
         WHERE type_code = OLD.type_code AND department = OLD.department
           AND community = left(OLD.division, 12) AND state = OLD.state;
    END IF;
    IF TG_OP = 'UPDATE' OR TG_OP = 'INSERT' THEN
        INSERT INTO iot_inventory_count (type_code, department, community, state, devices)
        VALUES (NEW.type_code, NEW.department, left(NEW.division, 12), NEW.state, 1)
        ON CONFLICT (type_code, department, community, state)
        DO UPDATE SET devices = iot_inventory_count.devices + 1;
    END IF;
    RETURN NULL;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER iot_inventory_count_insert AFTER INSERT OR DELETE ON iot_device
    FOR EACH ROW EXECUTE FUNCTION iot_inventory_count_track();
CREATE TRIGGER iot_inventory_count_update AFTER UPDATE OF type_code, department, division, state ON iot_device
    FOR EACH ROW EXECUTE FUNCTION iot_inventory_count_track();

INSERT INTO iot_inventory_count (type_code, department, community, state, devices)
SELECT type_code, department, left(division, 12), state, count(*) FROM iot_device GROUP BY 1, 2, 3, 4;
