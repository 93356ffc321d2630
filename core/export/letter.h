#pragma once

#include "export/exportoptions.h"
#include "review/correction.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

namespace nianbao {

/// One cell a problem of the letter names: its label, the value the report published and, when
/// a proposed fix gives one, what it should be.
struct LetterCell
{
    QString key;
    QString label;     // "表三（一）予以公开·自然人"
    QString published; // "1352", "空白", "“/”"
    QString expected;  // "1362"; empty when nothing is proposed
};

/// One problem the body is asked to correct, in plain Chinese.
struct LetterProblem
{
    QString rule;        // the rule id, for the reviewer's reference
    QString title;       // the rule's short name: "总计与各类申请人之和不符"
    QString where;       // the row or column of an identity: "（一）予以公开"
    QString requirement; // what the form requires: "总计等于各类申请人之和"
    QString description; // the finding's message, with its hint
    QString evidence;    // the sentence or heading of the report it is about
    QList<LetterCell> cells;
    QStringList fixes; // the proposed fixes, best first: "将“…”由 1352 改为 1362（…）"
};

/// The letter to the reporting body (审校意见): what must be corrected in its report. Always in
/// Chinese, the language of the body, whatever the window's language.
///
/// Its problems are the findings the reviewer confirmed; when none is confirmed, every error
/// finding about the published report (about = report) that was not dismissed.
struct Letter
{
    QString body; // the reporting body; empty when the report does not say
    QString year;
    QString fileName; // the report's file name, never its folder
    QString reviewer;
    QDate date;
    bool fromConfirmed = false; // the problems are the reviewer's confirmed findings
    QList<LetterProblem> problems;

    /// "关于《某某局2024年政府信息公开工作年度报告》的审校意见".
    QString title() const;
    /// The date in Chinese: "2026年2月1日".
    QString dateText() const;

    /// The letter of a reviewed report, dated today's local date unless options.exportTime is set.
    static Letter compose(const ReviewedReport &report, const ExportOptions &options = {});
    /// The findings the letter lists, in the report's order; confirmed set when they are the
    /// reviewer's confirmed ones.
    static QList<Finding> findingsFor(const ReviewedReport &report, bool *confirmed = nullptr);

    /// The letter as rich text for QTextDocument (the PDF, printing).
    QString html() const;
    /// word/document.xml of the Word file.
    QByteArray documentXml() const;
};

/// Writes letters as PDF (Qt's PDF writer, the CJK font embedded) and as Word files (.docx, which
/// Word and WPS open), each atomically. The PDF needs a QGuiApplication (fonts).
class LetterExport
{
    Q_DECLARE_TR_FUNCTIONS(LetterExport)
public:
    enum class Format { Pdf, Docx };

    static bool writePdf(const Letter &letter, const QString &path, QString *error);
    static bool writeDocx(const Letter &letter, const QString &path, QString *error);
    /// The PDF's bytes.
    static QByteArray pdf(const Letter &letter);

    /// One report: outPath ending in .pdf or .docx is that file; otherwise a folder (created) that
    /// receives both, named after the report ("<report>-审校意见.pdf"). Several reports: outPath
    /// is a folder that receives both files for each report.
    static bool exportLetters(const QList<ReviewedReport> &reports, const QString &outPath,
                              const ExportOptions &options, QString *error, QStringList *written = nullptr);
    /// "<report>-审校意见".
    static QString baseName(const ReviewedReport &report);
};

} // namespace nianbao
