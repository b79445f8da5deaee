package io.haechi.datagen.ssb;

/** The initial seeds of dbgen's Park–Miller streams used by SSB (ssb.md §1.4). */
final class SsbSeeds {
    static final long PART_MFGR = 1;
    static final long PART_CATEGORY = 637858759;
    static final long PART_BRAND = 46831694;
    static final long SUPPLIER_NATION = 110356601;
    static final long CUSTOMER_NATION = 1489529863;
    /** Shared by suppliers, then customers, in one process. */
    static final long CITY_DIGIT = 1495190827;

    static final long ORDER_DATE = 1066728069;
    static final long ORDER_CUSTKEY = 851767375;
    static final long ORDER_PRIORITY = 591449447;
    static final long ORDER_LINE_COUNT = 1434868289;

    static final long LINE_PARTKEY = 1808217256;
    static final long LINE_SUPPKEY = 2095021727;
    static final long LINE_QUANTITY = 209208115;
    static final long LINE_DISCOUNT = 554590007;
    static final long LINE_TAX = 721958466;
    static final long LINE_COMMIT = 904914315;
    static final long LINE_SHIPMODE = 675466456;

    /** Per order, every line stream is realigned to this many draws. */
    static final int LINE_DRAWS_PER_ORDER = 7;

    /** Seeds of the columns dbgen-compatibility does not cover (names, addresses, phones, ...): ours. */
    static final long OWN_CUSTOMER = 0x5EB_C0057L;
    static final long OWN_SUPPLIER = 0x5EB_5099L;
    static final long OWN_PART = 0x5EB_9A47L;

    private SsbSeeds() {
    }
}
