package org.cityos.catalog;

/**
 * One data item (信息项) of a resource.
 *
 * @param name the field name as the provider's system has it ({@code id_no})
 * @param chineseName what it means ({@code 公民身份号码})
 * @param personal true when the item is personal information, which sharing must treat with care
 */
public record DataItem(String name, String chineseName, ItemType type, boolean personal) {}
