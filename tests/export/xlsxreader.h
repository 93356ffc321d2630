#pragma once

// A small XLSX reader for the tests: unzips with minizip and parses the sheet XML (shared strings,
// merged ranges, fills and number formats through styles, comments, hidden rows).

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

namespace testutil {

struct XlsxCell
{
    QString type;  // "n" (number), "s" (shared string), "inlineStr", "str", "b"; empty = blank
    QString text;  // the string, or the number as written
    int style = 0; // index into cellXfs
    bool hasValue() const { return !type.isEmpty(); }
    bool isNumber() const { return type == QLatin1String("n"); }
    double number() const { return text.toDouble(); }
};

struct XlsxSheet
{
    QString name;
    QString part;                     // "xl/worksheets/sheet2.xml"
    QHash<int, double> rowHeights;    // 1-based row → its height in points, when set
    QHash<QString, XlsxCell> cells;   // "B3" → cell
    QStringList merges;               // "A1:C3"
    QHash<QString, QString> comments; // "B3" → text
    QSet<int> hiddenRows;             // 1-based

    const XlsxCell *cell(int row, int col) const; // 0-based row and column
    QString text(int row, int col) const;
    int rowCount() const; // highest row with a cell, 1-based
    /// The merged range that starts at (row, col): its last row and column; false when none.
    bool mergeAt(int row, int col, int *lastRow, int *lastCol) const;
    static QString ref(int row, int col); // 0-based → "B3"
    static bool parseRef(const QString &ref, int *row, int *col);
};

class XlsxReader
{
public:
    bool open(const QString &path, QString *error);
    const XlsxSheet *sheet(const QString &name) const;
    QStringList sheetNames() const;
    /// The raw bytes of one part of the package ("xl/workbook.xml"); empty when absent.
    QByteArray part(const QString &name) const { return m_files.value(name); }
    QStringList partNames() const { return m_files.keys(); }
    /// The RGB fill of a style, 0 when none.
    unsigned fill(int style) const { return m_fills.value(m_xfFill.value(style)); }
    /// The number format code of a style ("General", "0.00" …).
    QString numberFormat(int style) const;
    bool italic(int style) const;
    /// The left border of a style: its line style ("thin", "medium" …, empty when none) and RGB.
    QString borderStyle(int style) const { return m_borders.value(m_xfBorder.value(style)).first; }
    unsigned borderColor(int style) const { return m_borders.value(m_xfBorder.value(style)).second; }

private:
    QHash<QString, QByteArray> m_files;
    QList<XlsxSheet> m_sheets;
    QStringList m_shared;
    QList<unsigned> m_fills;
    QList<int> m_xfFill, m_xfNumFmt, m_xfFont, m_xfBorder;
    QList<QPair<QString, unsigned>> m_borders;
    QList<bool> m_fontItalic;
    QHash<int, QString> m_numFmts;
};

} // namespace testutil
