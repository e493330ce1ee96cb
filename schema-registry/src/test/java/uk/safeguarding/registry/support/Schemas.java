package uk.safeguarding.registry.support;

/** Avro schemas for the tests: a referral record and its evolutions. Names are invented. */
public final class Schemas {

    private Schemas() {
    }

    public static final String REFERRAL_V1 = """
            {"type":"record","name":"Referral","namespace":"uk.safeguarding.test","fields":[
              {"name":"referralId","type":"string"},
              {"name":"school","type":"string"}]}""";

    /** v1 plus an optional field with a default: readable both ways. */
    public static final String REFERRAL_V2_WITH_DEFAULT = """
            {"type":"record","name":"Referral","namespace":"uk.safeguarding.test","fields":[
              {"name":"referralId","type":"string"},
              {"name":"school","type":"string"},
              {"name":"note","type":["null","string"],"default":null}]}""";

    /** v1 plus a required field: a new reader cannot fill it in from old data, so not BACKWARD compatible. */
    public static final String REFERRAL_V2_REQUIRED_FIELD = """
            {"type":"record","name":"Referral","namespace":"uk.safeguarding.test","fields":[
              {"name":"referralId","type":"string"},
              {"name":"school","type":"string"},
              {"name":"priority","type":"int"}]}""";

    /** v1 without the school field: new readers are fine, old readers miss a field without default. */
    public static final String REFERRAL_WITHOUT_SCHOOL = """
            {"type":"record","name":"Referral","namespace":"uk.safeguarding.test","fields":[
              {"name":"referralId","type":"string"}]}""";

    public static final String ACKNOWLEDGEMENT = """
            {"type":"record","name":"Acknowledgement","namespace":"uk.safeguarding.test","fields":[
              {"name":"referralId","type":"string"},
              {"name":"receivedBy","type":"string"}]}""";
}
