# -*- coding: utf-8 -*-
from odoo import _, models

EFFECTIVE = ('approved', 'expired')


def _selection_label(record, field):
    return dict(record._fields[field]._description_selection(record.env)).get(record[field], '')


class ContractListXlsx(models.AbstractModel):
    """The selected contracts as a spreadsheet (amounts as numbers)."""
    _name = 'report.crm_contract.contract_list_xlsx'
    _inherit = 'report.report_xlsx.abstract'

    def generate_xlsx_report(self, workbook, data, contracts):
        sheet = workbook.add_worksheet(_('Contracts'))
        bold = workbook.add_format({'bold': True})
        money = workbook.add_format({'num_format': '#,##0.00'})
        headers = [_('Contract No.'), _('Version'), _('Contract Name'), _('Customer'),
                   _('Owner'), _('Sales Team'), _('Sign Date'), _('Start Date'), _('End Date'),
                   _('Status'), _('Contract Amount'), _('Received'), _('Outstanding')]
        for col, title in enumerate(headers):
            sheet.write(0, col, title, bold)
        for row, contract in enumerate(contracts, 1):
            values = [contract.number, contract.revision, contract.name,
                      contract.partner_id.name, contract.user_id.name, contract.team_id.name or '',
                      contract.sign_date or '', contract.date_start or '', contract.date_end or '',
                      _selection_label(contract, 'state')]
            for col, value in enumerate(values):
                sheet.write(row, col, value)
            for col, value in enumerate((contract.amount_total, contract.amount_received,
                                         contract.amount_outstanding), len(values)):
                sheet.write_number(row, col, value, money)
        sheet.set_column(0, 0, 18)
        sheet.set_column(2, 3, 30)


class PartnerStatementXlsx(models.AbstractModel):
    """A customer's statement: its effective contracts, their plans and payments."""
    _name = 'report.crm_contract.partner_statement_xlsx'
    _inherit = 'report.report_xlsx.abstract'

    def generate_xlsx_report(self, workbook, data, partners):
        bold = workbook.add_format({'bold': True})
        money = workbook.add_format({'num_format': '#,##0.00'})
        for partner in partners:
            sheet = workbook.add_worksheet(('%s' % partner.name)[:31])
            sheet.write(0, 0, _('Customer Statement'), bold)
            sheet.write(0, 1, partner.name)
            sheet.write(1, 0, _('Contracted'), bold)
            sheet.write_number(1, 1, partner.contract_amount, money)
            sheet.write(2, 0, _('Received'), bold)
            sheet.write_number(2, 1, partner.contract_received, money)
            sheet.write(3, 0, _('Outstanding'), bold)
            sheet.write_number(3, 1, partner.contract_outstanding, money)
            headers = [_('Contract No.'), _('Contract Name'), _('Date'), _('Kind'),
                       _('Status'), _('Amount')]
            for col, title in enumerate(headers):
                sheet.write(5, col, title, bold)
            row = 6
            contracts = self.env['crm.contract'].search(
                [('partner_id', '=', partner.id), ('state', 'in', EFFECTIVE)], order='sign_date, id')
            for contract in contracts:
                lines = [(contract.sign_date, _('Contract'), _selection_label(contract, 'state'),
                          contract.amount_total)]
                lines += [(p.date, _('Payment') + ' ' + p.number, _selection_label(p, 'state'),
                           -p.amount) for p in contract.receivable_ids.filtered(
                               lambda p: p.state == 'approved').sorted('date')]
                for date, kind, state, amount in lines:
                    sheet.write(row, 0, contract.number)
                    sheet.write(row, 1, contract.name)
                    sheet.write(row, 2, date or '')
                    sheet.write(row, 3, kind)
                    sheet.write(row, 4, state)
                    sheet.write_number(row, 5, amount, money)
                    row += 1
            sheet.set_column(0, 0, 18)
            sheet.set_column(1, 1, 30)
