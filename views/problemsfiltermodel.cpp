#include "problemsfiltermodel.h"

#include "diagnostic.h"
#include "plaintext.h"
#include "problemsmodel.h"

#include <QApplication>
#include <QStyle>

namespace ntl {

ProblemsFilterModel::ProblemsFilterModel(QObject *parent)
    : QSortFilterProxyModel(parent) {
    setFilterCaseSensitivity(Qt::CaseInsensitive);
    setFilterKeyColumn(-1); // the message or the place
}

QVariant ProblemsFilterModel::data(const QModelIndex &index, int role) const {
    if (role == Qt::DecorationRole && index.column() == ProblemsModel::MessageColumn) {
        const bool error =
            index.data(ProblemsModel::SeverityRole).toInt() == int(Diagnostic::Severity::Error);
        return QApplication::style()->standardIcon(error ? QStyle::SP_MessageBoxCritical
                                                         : QStyle::SP_MessageBoxWarning);
    }
    if (role == Qt::ToolTipRole) {
        // The file's form of the problem; it quotes the dataset, which is never markup.
        const QString text = QSortFilterProxyModel::data(index, role).toString();
        return text.isEmpty() ? QVariant() : QVariant(PlainText::toolTip(text));
    }
    if (role == Qt::AccessibleTextRole && index.column() == ProblemsModel::MessageColumn) {
        const bool error =
            index.data(ProblemsModel::SeverityRole).toInt() == int(Diagnostic::Severity::Error);
        const QString message = index.data(ProblemsModel::MessageRole).toString();
        return error ? tr("Error: %1").arg(message) : tr("Warning: %1").arg(message);
    }
    return QSortFilterProxyModel::data(index, role);
}

} // namespace ntl
