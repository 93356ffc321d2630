#pragma once

// The workbook the XLSX export writes through libxlsxwriter: its cell formats cached by style,
// sheet names made valid, and the small writers every sheet uses.

#include "export/exportoptions.h"
#include "export/xlsxexport.h"

#include <QByteArray>
#include <QFile>
#include <QHash>
#include <QString>

#include <xlsxwriter.h>

namespace nianbao::xlsx {

/// How a cell looks; packed into an int to cache the workbook's formats.
struct Style
{
    enum Fill { NoFill, Red, Amber, Blue, Grey };
    int fill = NoFill;
    int decimals = -1; // -1: general; ≥ 0: that many decimals
    bool bold = false;
    bool border = true;
    bool wrap = false;
    bool center = false;
    bool corrected = false; // italic, dark blue, framed in blue: the value is the reviewer's

    int code() const
    {
        return fill | ((decimals + 1) << 3) | (bold << 7) | (border << 8) | (wrap << 9) | (center << 10) |
               (corrected << 11);
    }
};

class Book
{
public:
    explicit Book(const QString &file, const ExportOptions &options) : m_options(options)
    {
        lxw_workbook_options o = {};
        o.constant_memory = LXW_FALSE;
        o.tmpdir = nullptr;
        o.use_zip64 = LXW_FALSE;
        m_wb = workbook_new_opt(QFile::encodeName(file).constData(), &o);
    }
    ~Book()
    {
        if (m_wb)
            workbook_close(m_wb); // only when close() was not reached: frees, writes nothing useful
    }
    bool ok() const { return m_wb != nullptr; }

    lxw_worksheet *sheet(const QString &name)
    {
        QString n = name;
        // Sheet names: at most 31 characters, none of []:*?/\ .
        static const QString forbidden = QStringLiteral("[]:*?/\\");
        for (QChar &c : n)
            if (forbidden.contains(c))
                c = u'_';
        n.truncate(31);
        lxw_worksheet *ws = workbook_add_worksheet(m_wb, n.toUtf8().constData());
        worksheet_set_comments_author(ws, const_cast<char *>(m_author.constData()));
        // Printed: A4 landscape, one page wide (as many pages down as it needs), the footer.
        worksheet_set_paper(ws, PaperA4);
        worksheet_set_landscape(ws);
        worksheet_fit_to_pages(ws, 1, 0);
        worksheet_set_margins(ws, 0.4, 0.4, 0.6, 0.7);
        worksheet_center_horizontally(ws);
        if (!m_footer.isEmpty())
            worksheet_set_footer(ws, m_footer.constData());
        return ws;
    }

    /// libxlsxwriter's number of the A4 paper.
    static constexpr uint8_t PaperA4 = 9;
    /// The font of every cell: 宋体 (SimSun), which Excel and WPS have on every Chinese Windows;
    /// LibreOffice renders it with a CJK font of the system (Noto CJK on Debian).
    static constexpr const char *FontName = "\xE5\xAE\x8B\xE4\xBD\x93";
    /// The height of a row of `lines` lines of wrapped text, in points: a CJK font's line (Noto CJK's
    /// is 1.45 em of 11 pt) and a little room, so that no line is drawn over the next.
    static double rowHeight(int lines) { return 3.0 + 16.5 * qMax(1, lines); }

    /// Who signs the comments and the workbook (the reviewer; the program's name when there is
    /// none) and what the footer of every sheet added from now on says at its left (the body and
    /// year, or the batch), with pageWords ("第 &P 页，共 &N 页") at its right.
    void setSigning(const QString &author, const QString &footerLeft, const QString &pageWords)
    {
        if (!author.trimmed().isEmpty())
            m_author = author.trimmed().toUtf8();
        QString left = footerLeft;
        left.replace(u'&', QStringLiteral("&&"));
        left.truncate(120);
        m_footer = (QStringLiteral("&L") + left + QStringLiteral("&R") + pageWords).toUtf8();
    }

    lxw_format *format(const Style &s)
    {
        const int code = s.code();
        if (lxw_format *f = m_formats.value(code))
            return f;
        lxw_format *f = workbook_add_format(m_wb);
        static const lxw_color_t fills[] = {0, XlsxExport::ErrorFill, XlsxExport::WarningFill,
                                            XlsxExport::CorrectedFill, XlsxExport::HeaderFill};
        if (s.fill != Style::NoFill) {
            format_set_pattern(f, LXW_PATTERN_SOLID);
            format_set_bg_color(f, fills[s.fill]);
        }
        if (s.fill == Style::Red)
            format_set_font_color(f, 0x9C0006);
        else if (s.fill == Style::Amber)
            format_set_font_color(f, 0x9C5700);
        if (s.corrected) {
            format_set_italic(f);
            if (s.fill != Style::Red && s.fill != Style::Amber)
                format_set_font_color(f, 0x1F4E79);
        }
        if (s.decimals == 0)
            format_set_num_format(f, "0");
        else if (s.decimals > 0)
            format_set_num_format(f,
                                  (QStringLiteral("0.") + QString(s.decimals, u'0')).toLatin1().constData());
        if (s.bold)
            format_set_bold(f);
        if (s.corrected) {
            // A corrected cell keeps its frame whatever its fill: red with this frame is a
            // corrected cell that still fails.
            format_set_border(f, LXW_BORDER_MEDIUM);
            format_set_border_color(f, XlsxExport::CorrectedBorder);
        } else if (s.border) {
            format_set_border(f, LXW_BORDER_THIN);
        }
        format_set_font_name(f, FontName);
        format_set_font_charset(f, 134); // GB2312: Excel picks the Chinese face
        if (s.wrap)
            format_set_text_wrap(f);
        if (s.center) {
            format_set_align(f, LXW_ALIGN_CENTER);
            format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
        } else {
            format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
        }
        m_formats.insert(code, f);
        return f;
    }

    lxw_chart *chart(uint8_t type) { return workbook_add_chart(m_wb, type); }

    /// Close the workbook: the file is written now.
    lxw_error close()
    {
        lxw_workbook *wb = m_wb;
        m_wb = nullptr;
        return workbook_close(wb);
    }

    void setProperties(const QString &title)
    {
        m_title = title.toUtf8();
        m_app = m_options.application.toUtf8();
        lxw_doc_properties p = {};
        p.title = const_cast<char *>(m_title.constData());
        p.author = const_cast<char *>(m_author.constData());
        p.comments = const_cast<char *>(m_app.constData());
        workbook_set_properties(m_wb, &p);
    }

private:
    lxw_workbook *m_wb = nullptr;
    const ExportOptions &m_options;
    QHash<int, lxw_format *> m_formats;
    QByteArray m_author = QByteArrayLiteral("Nianbao");
    QByteArray m_footer;
    QByteArray m_title;
    QByteArray m_app;
};

QByteArray u8(const QString &s);
void putText(lxw_worksheet *ws, int r, int c, const QString &text, lxw_format *f);
/// Text over a range, merged when it spans more than one cell.
void putMerged(lxw_worksheet *ws, int r1, int c1, int r2, int c2, const QString &text, lxw_format *f);
void putNumber(lxw_worksheet *ws, int r, int c, double v, lxw_format *f);
/// What a libxlsxwriter error means to the user, one translated line.
QString closeError(lxw_error e);
/// Closes the workbook, which writes the file; false with the reason when it cannot be written.
bool finish(Book &book, const QString &file, QString *error);

} // namespace nianbao::xlsx
