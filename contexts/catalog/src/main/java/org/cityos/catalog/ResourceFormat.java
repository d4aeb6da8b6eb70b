package org.cityos.catalog;

/** The form the resource is delivered in (信息资源格式). */
public enum ResourceFormat implements Labelled {
    SPREADSHEET("电子表格"),
    DATABASE("数据库"),
    API("接口"),
    FILE("文件"),
    IMAGE("图像"),
    STREAM("流媒体");

    private final String label;

    ResourceFormat(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }
}
