"""Who may do what on each CRM model: the access matrix, as data.

tests/e2e/test_access_matrix.py asserts it over XML-RPC (``check_access_rights`` per
operation as each demo role, and a print of lina's record where the model has a report);
scripts/access_matrix.py prints it as the README's table. A letter is allowed, ``-`` is
refused: r read, w write, c create, d delete (unlink), p print the model's reports (of a
record of lina, a salesperson of 华东). Record rules narrow r/w/d to the role's scope
(own / team / everything, a portal user's company) and actions check more: the matrix is
the model-level ceiling."""

ROLES = ('lina', 'zhangwei', 'wugang', 'xuli', 'zhaoqiang')
WHO = {'lina': 'salesperson', 'zhangwei': 'team leader', 'wugang': 'executive',
       'xuli': 'service agent', 'zhaoqiang': 'portal'}
OPERATIONS = (('r', 'read'), ('w', 'write'), ('c', 'create'), ('d', 'unlink'))
LEGEND = ('r read, w write, c create, d delete, p print the reports; `-` refused. Record '
          'rules narrow each to the role\'s scope (own / team / all, the portal user\'s company).')
# model: the cells of ROLES in order
MATRIX = {
    'crm.contract':              'rwcdp rwcdp r---p ----- -----',
    'crm.approval.log':          '---- ---- ---- ---- ----',
    'crm.approval.request':      'rwcd rwcd r--- ---- ----',
    'crm.approval.request.line': 'rwcd rwcd r--- ---- ----',
    'crm.approval.template':     'r--- r--- r--- r--- ----',
    'crm.contract.line':         'rwcd rwcd r--- ---- ----',
    'crm.churn.reason':          'r--- r--- r--- ---- ----',
    'crm.churn.record':          'r--- r--- r--- ---- ----',
    'crm.churn.warning':         'r--- r--- r--- ---- ----',
    'crm.cron.run':              '---- ---- ---- ---- ----',
    'crm.cron.run.line':         '---- ---- ---- ---- ----',
    'crm.custom.field':          '---- ---- ---- ---- ----',
    'crm.customer.level':        'r--- r--- r--- ---- ----',
    'crm.customer.limit':        'r--- r--- r--- ---- ----',
    'crm.customer.relation':     'rwcd rwcd r--- ---- ----',
    'crm.customer.source':       'r--- r--- r--- ---- ----',
    'crm.development.plan':      'rwcd rwcd r--- ---- ----',
    'crm.development.plan.step': 'rwcd rwcd r--- ---- ----',
    'crm.erp.order':             'r--- r--- r--- ---- ----',
    'crm.erp.order.line':        'r--- r--- r--- ---- ----',
    'crm.follow.up':             'rwcd rwcd r--- ---- ----',
    'crm.import.batch':          'r--- r--- ---- ---- ----',
    'crm.import.chunk':          '---- ---- ---- ---- ----',
    'crm.import.line':           'r--- r--- ---- ---- ----',
    'crm.knowledge.article':     'r--- r--- r--- rwcd ----',
    'crm.knowledge.category':    'r--- r--- r--- r--- ----',
    'crm.knowledge.tag':         'r--- r--- r--- rwc- ----',
    'crm.lead':                  'rwc- rwc- r--- ---- ----',
    'crm.lead.score':            '---- ---- ---- ---- ----',
    'crm.login.unlock':          '---- ---- ---- ---- ----',
    'crm.mail.failure':          '---- ---- ---- ---- ----',
    'crm.lead.product.line':     'rwcd rwcd r--- ---- ----',
    'crm.notice':                'r--- rwcd r--- r--- ----',
    'crm.notice.read':           'r--- r--- r--- r--- ----',
    'crm.notify.kind':           '---- ---- ---- ---- ----',
    'crm.notify.log':            '---- ---- ---- ---- ----',
    'crm.operation.log':         'r--- r--- r--- ---- ----',
    'crm.quotation':             'rwcdp rwcdp r---p ----- -----',
    'crm.quotation.line':        'rwcd rwcd r--- ---- ----',
    'crm.quotation.link.attempt': '---- ---- ---- ---- ----',
    'crm.quotation.token':       '---- ---- ---- ---- ----',
    'crm.pool':                  'r--- r--- r--- ---- ----',
    'crm.pool.log':              'r--- r--- r--- ---- ----',
    'crm.pool.rule':             'r--- r--- r--- ---- ----',
    'crm.receivable':            'rwcd rwcd r--- ---- ----',
    'crm.receivable.method':     'r--- r--- r--- r--- ----',
    'crm.receivable.plan':       'rwcd rwcd r--- ---- ----',
    'crm.report.churn':          'r--- r--- r--- ---- ----',
    'crm.report.customer':       'r--- r--- r--- ---- ----',
    'crm.report.follow.up':      'r--- r--- r--- ---- ----',
    'crm.report.funnel':         'r--- r--- r--- ---- ----',
    'crm.report.lifecycle':      'r--- r--- r--- ---- ----',
    'crm.report.opportunity':    'r--- r--- r--- ---- ----',
    'crm.report.performance':    'r--- r--- r--- ---- ----',
    'crm.report.pool':           'r--- r--- r--- ---- ----',
    'crm.report.product':        'r--- r--- r--- ---- ----',
    'crm.report.receivable':     'r--- r--- r--- ---- ----',
    'crm.report.quotation':      'r--- r--- r--- ---- ----',
    'crm.report.quotation.product': 'r--- r--- r--- ---- ----',
    'crm.report.service':        'r--- r--- r--- r--- ----',
    'crm.report.forecast':       'r--- r--- r--- ---- ----',
    'crm.role.scope':            'r--- r--- r--- ---- ----',
    'crm.sales.target':          'r--- rwcd r--- ---- ----',
    'crm.score.model':           'r--- r--- r--- ---- ----',
    'crm.score.rule':            'r--- r--- r--- ---- ----',
    'crm.score.weight':          'r--- r--- r--- ---- ----',
    'crm.sales.target.line':     'r--- rwcd r--- ---- ----',
    'crm.service.plan':          'r--- r--- r--- rwc- ----',
    'crm.service.sla':           'r--- r--- r--- r--- ----',
    'crm.service.team':          'r--- r--- r--- r--- ----',
    'crm.service.ticket':        'r-c- r-c- r--- rwc- r---',
    'crm.service.ticket.token':  '---- ---- ---- ---- ----',
    'crm.service.type':          'r--- r--- r--- r--- r---',
    'crm.stage':                 'r--- r--- r--- r--- r---',
    'crm.stage.group':           'r--- r--- r--- r--- ----',
    'crm.task':                  'rwcd rwcd r--- ---- ----',
    'crm.task.checklist':        'rwcd rwcd r--- ---- ----',
    'crm.team':                  'r--- r--- r--- r--- ----',
    'crm.visit':                 'rwcd rwcd r--- ---- ----',
    'crm.work.report':           'rwcd rwcd r--- ---- ----',
    'res.partner':               'rwc-p rwc-p r---p r---- r----',
}


def cell(model, role):
    return MATRIX[model].split()[ROLES.index(role)]
