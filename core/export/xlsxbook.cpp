#include "xlsxbook.h"

#include "xlsxexport.h"

using namespace Qt::Literals::StringLiterals;

namespace nianbao::xlsx {

QByteArray u8(const QString &s)
{
    return s.toUtf8();
}

void putText(lxw_worksheet *ws, int r, int c, const QString &text, lxw_format *f)
{
    worksheet_write_string(ws, lxw_row_t(r), lxw_col_t(c), u8(text).constData(), f);
}

void putMerged(lxw_worksheet *ws, int r1, int c1, int r2, int c2, const QString &text, lxw_format *f)
{
    if (r1 == r2 && c1 == c2)
        putText(ws, r1, c1, text, f);
    else
        worksheet_merge_range(ws, lxw_row_t(r1), lxw_col_t(c1), lxw_row_t(r2), lxw_col_t(c2),
                              u8(text).constData(), f);
}

void putNumber(lxw_worksheet *ws, int r, int c, double v, lxw_format *f)
{
    worksheet_write_number(ws, lxw_row_t(r), lxw_col_t(c), v, f);
}

QString closeError(lxw_error e)
{
    switch (e) {
    case LXW_NO_ERROR:
        return {};
    case LXW_ERROR_CREATING_XLSX_FILE:
        return XlsxExport::tr("the file cannot be created (is the folder writable?)");
    case LXW_ERROR_CREATING_TMPFILE:
        return XlsxExport::tr("no temporary file can be created");
    case LXW_ERROR_MEMORY_MALLOC_FAILED:
        return XlsxExport::tr("out of memory");
    default:
        return XlsxExport::tr("writing failed (is the disk full?)");
    }
}

bool finish(Book &book, const QString &file, QString *error)
{
    const lxw_error e = book.close();
    if (e != LXW_NO_ERROR) {
        if (error)
            *error = closeError(e);
        Q_UNUSED(file);
        return false;
    }
    return true;
}

} // namespace nianbao::xlsx
