package io.haechi.datagen.ssb;

import java.util.List;

/** The word lists of dbgen's SSB distributions (ssb.md §1.1), in dbgen's order where the order matters. */
final class SsbText {
    /** The 25 nations in index order; {@link #NATION_REGION} gives each one's region index. */
    static final List<String> NATIONS = List.of("ALGERIA", "ARGENTINA", "BRAZIL", "CANADA", "EGYPT", "ETHIOPIA",
            "FRANCE", "GERMANY", "INDIA", "INDONESIA", "IRAN", "IRAQ", "JAPAN", "JORDAN", "KENYA", "MOROCCO",
            "MOZAMBIQUE", "PERU", "CHINA", "ROMANIA", "SAUDI ARABIA", "VIETNAM", "RUSSIA", "UNITED KINGDOM",
            "UNITED STATES");
    static final List<String> REGIONS = List.of("AFRICA", "AMERICA", "ASIA", "EUROPE", "MIDDLE EAST");
    static final int[] NATION_REGION = {0, 1, 1, 1, 4, 0, 3, 3, 2, 2, 4, 4, 2, 4, 0, 0, 0, 1, 2, 3, 4, 2, 3, 3, 1};

    static final List<String> ORDER_PRIORITIES = List.of("1-URGENT", "2-HIGH", "3-MEDIUM", "4-NOT SPECIFIED",
            "5-LOW");
    static final List<String> SHIP_MODES = List.of("REG AIR", "AIR", "RAIL", "TRUCK", "MAIL", "FOB", "SHIP");
    static final List<String> MARKET_SEGMENTS = List.of("AUTOMOBILE", "BUILDING", "FURNITURE", "HOUSEHOLD",
            "MACHINERY");

    static final List<String> COLORS = List.of("almond", "antique", "aquamarine", "azure", "beige", "bisque",
            "black", "blanched", "blue", "blush", "brown", "burlywood", "burnished", "chartreuse", "chiffon",
            "chocolate", "coral", "cornflower", "cornsilk", "cream", "cyan", "dark", "deep", "dim", "dodger", "drab",
            "firebrick", "floral", "forest", "frosted", "gainsboro", "ghost", "goldenrod", "green", "grey",
            "honeydew", "hot", "indian", "ivory", "khaki", "lace", "lavender", "lawn", "lemon", "light", "lime",
            "linen", "magenta", "maroon", "medium", "metallic", "midnight", "mint", "misty", "moccasin", "navajo",
            "navy", "olive", "orange", "orchid", "pale", "papaya", "peach", "peru", "pink", "plum", "powder",
            "puff", "purple", "red", "rose", "rosy", "royal", "saddle", "salmon", "sandy", "seashell", "sienna",
            "sky", "slate", "smoke", "snow", "spring", "steel", "tan", "thistle", "tomato", "turquoise", "violet",
            "wheat", "white", "yellow");

    static final List<String> TYPE_SIZES = List.of("STANDARD", "SMALL", "MEDIUM", "LARGE", "ECONOMY", "PROMO");
    static final List<String> TYPE_FINISHES = List.of("ANODIZED", "BURNISHED", "PLATED", "POLISHED", "BRUSHED");
    static final List<String> TYPE_METALS = List.of("TIN", "NICKEL", "BRASS", "STEEL", "COPPER");
    static final List<String> CONTAINER_SIZES = List.of("SM", "LG", "MED", "JUMBO", "WRAP");
    static final List<String> CONTAINER_KINDS = List.of("CASE", "BOX", "BAG", "JAR", "PKG", "PACK", "CAN", "DRUM");

    static final String ADDRESS_CHARS = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ,";

    private SsbText() {
    }

    /** dbgen's city: the nation name cut or space-padded to 9 characters, then the digit. */
    static String city(int nation, int digit) {
        String name = NATIONS.get(nation);
        StringBuilder sb = new StringBuilder(10);
        for (int i = 0; i < 9; i++) {
            sb.append(i < name.length() ? name.charAt(i) : ' ');
        }
        return sb.append((char) ('0' + digit)).toString();
    }
}
