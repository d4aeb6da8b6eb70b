package org.cityos.basedata.internal;

import java.util.List;

/**
 * An organisation's name reduced to what tells it apart: full-width forms and spaces go, a bracketed part
 * (（北京）, (有限合伙)) and a leading province-level region (北京, 上海市) are set aside as the region, the
 * legal form (有限公司, 有限责任公司, 股份有限公司, 公司) is dropped wherever it stands, and a branch (分公司) is
 * remembered rather than dropped — a branch is not its head office.
 *
 * @param core the distinguishing part, e.g. 示例科技 for 北京示例科技有限公司 and 示例科技（北京）有限公司
 * @param region the region the name carried, or null
 * @param branch whether the name is a branch's
 */
public record OrganisationName(String core, String region, boolean branch) {
    /** Longest first, so 股份有限公司 is not read as 股份 + 有限公司. */
    private static final List<String> LEGAL_FORMS = List.of("股份有限公司", "有限责任公司", "有限公司", "股份公司", "分公司", "公司");

    private static final List<String> REGIONS = List.of(
            "黑龙江", "内蒙古", "北京", "天津", "上海", "重庆", "河北", "山西", "辽宁", "吉林", "江苏", "浙江", "安徽", "福建", "江西", "山东", "河南",
            "湖北", "湖南", "广东", "海南", "四川", "贵州", "云南", "陕西", "甘肃", "青海", "台湾", "广西", "西藏", "宁夏", "新疆", "香港", "澳门", "中国");

    public static OrganisationName of(String name) {
        StringBuilder plain = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c >= '\uFF01' && c <= '\uFF5E') {
                c = (char) (c - 0xFEE0);
            }
            if (c == '〔' || c == '【') {
                c = '(';
            } else if (c == '〕' || c == '】') {
                c = ')';
            }
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                plain.append(Character.toUpperCase(c));
            }
        }
        String region = null;
        StringBuilder outside = new StringBuilder(plain.length());
        int depth = 0;
        int opened = -1;
        for (int i = 0; i < plain.length(); i++) {
            char c = plain.charAt(i);
            if (c == '(') {
                if (depth++ == 0) {
                    opened = i;
                }
            } else if (c == ')' && depth > 0) {
                if (--depth == 0 && region == null) {
                    region = regionOf(plain.substring(opened + 1, i));
                }
            } else if (depth == 0) {
                outside.append(c);
            }
        }
        String text = outside.toString();
        boolean branch = text.endsWith("分公司");
        for (String form : LEGAL_FORMS) {
            text = text.replace(form, "");
        }
        for (String r : REGIONS) {
            // 中国 leads many a real name (中国石油); only in brackets is it a region
            if (!r.equals("中国") && text.startsWith(r) && text.length() - r.length() >= 2) {
                String rest = text.substring(r.length());
                String suffix = rest.startsWith("市") || rest.startsWith("省") ? rest.substring(0, 1) : "";
                if (rest.length() - suffix.length() >= 2) {
                    text = rest.substring(suffix.length());
                    region = region == null ? r : region;
                }
                break;
            }
        }
        return new OrganisationName(text.isEmpty() ? plain.toString() : text, region, branch);
    }

    /** A bracketed province-level region without 市/省, or null when the brackets held something else. */
    private static String regionOf(String bracketed) {
        String r = bracketed.endsWith("市") || bracketed.endsWith("省")
                ? bracketed.substring(0, bracketed.length() - 1)
                : bracketed;
        return REGIONS.contains(r) ? r : null;
    }

    /** Whether two names' regions are both known and differ: 北京示例 and 上海示例 are two companies. */
    public boolean regionDiffers(OrganisationName other) {
        return region != null && other.region != null && !region.equals(other.region);
    }
}
