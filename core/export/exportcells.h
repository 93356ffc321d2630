#pragma once

#include "report/report.h"
#include "review/correction.h"
#include "rules/finding.h"

#include <QHash>
#include <QList>
#include <QString>

namespace nianbao {

/// What every exporter says about a cell: its text, state, decimals and marks.
class ExportCells
{
public:
    enum Mark { None = 0, Warning = 1, Error = 2 };

    /// The worst finding each cell takes part in.
    static QHash<QString, int> marks(const QList<Finding> &findings);
    /// The same, without the findings the reviewer dismissed (they are explained, not open).
    static QHash<QString, int> openMarks(const ReviewedReport &rr);
    /// The value as written to CSV: a number in plain notation, the text of a text cell,
    /// empty for a blank, missing or uncertain cell.
    static QString valueText(const Cell *cell);
    /// Decimals to show for a number of a decimal column (as the source printed it, at least
    /// as many as the value needs; at most 6).
    static int decimals(const Cell &cell);
    // The texts of the files are in the language in use (nianbao::Language).

    /// The cell's label, with its table: "（一）予以公开 · 自然人".
    static QString label(const Report &report, const QString &key);
    /// "二、主动公开政府信息情况" / "Table 2 — Proactive disclosure".
    static QString tableTitle(const TableDef &table);
    /// The table's sheet: its title in Chinese, "Table 3" in English (sheet names hold 31 characters).
    static QString sheetName(const TableDef &table);
    /// "表三 " / "T3 ": what the batch puts before a cell's label.
    static QString tableTag(const TableDef &table);
    /// The Chinese or the English text.
    static QString pick(const QString &zh, const QString &en);
    // The labels below are in the language in use; with alwaysChinese set, in Chinese (the JSON's
    // *_zh fields).
    /// 未审校 / 审校中 / 已审校 / 已报送 (New / In review / Reviewed / Sent).
    static QString statusLabel(ReviewStatus status, bool alwaysChinese = false);
    /// A correction's action in words: edit → 修改, clear → 清空, shift → 移位, move → 移行,
    /// paste → 粘贴, revert → 撤销更正; an action not known here is written as it is.
    static QString actionLabel(const QString &action, bool alwaysChinese = false);
    /// 错误 / 警告 (error / warning).
    static QString severityLabel(const Finding &f);
    /// 已确认 / 已排除 (confirmed / dismissed).
    static QString dispositionLabel(const Disposition &d);
    /// One line about a disposition: "已排除：理由（张审校 2026-02-01 04:30:00 (UTC+08:00)）".
    /// With iso set the time is written as ISO 8601 (the CSV).
    static QString dispositionSummary(const Disposition &d, bool iso);

    /// The CSV's state of one cell of a reviewed report: its tokens joined by ";", in this order:
    /// 已更正 (corrected) when the reviewer changed it; then the worst open finding on it, 错误
    /// (error) or else 警告 (warning), or 已排除 (dismissed) when every finding on it was
    /// dismissed; then what the cell holds when that is not a plain number: 存疑 (uncertain),
    /// 空白 (blank), 缺失 (missing: not found in the source) or 文字 (text). A plain number with
    /// nothing to say is 数值 (number). A corrected cell that still fails reads "已更正;错误".
    static QString cellState(const ReviewedReport &rr, const QString &key, const QHash<QString, int> &open);

    /// Local time with its offset, for a reader: "2026-02-01 04:30:00 (UTC+08:00)"; empty when
    /// invalid.
    static QString timeText(const QDateTime &t);
    /// Local time with its offset as ISO 8601: "2026-02-01T04:30:00+08:00"; empty when invalid.
    static QString isoTime(const QDateTime &t);
};

} // namespace nianbao
