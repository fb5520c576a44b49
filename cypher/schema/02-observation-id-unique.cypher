// Every observation id is unique.
CREATE CONSTRAINT observation_id_unique IF NOT EXISTS
FOR (o:Observation) REQUIRE o.id IS UNIQUE
