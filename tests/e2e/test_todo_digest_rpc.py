"""每日待办摘要 (issue #28), read in the SMTP sink: the CRM administrator switches the
daily digest on in 通知设置, the scheduler runs it, and each salesperson with something
to do gets one Chinese mail counting their to-dos with a link to 我的待办; a second run the
same day sends nothing more."""
import time


def test_daily_digest_switched_on_by_the_administrator(admin, rpc, mailbox, base_url):
    zhoutao, lina = rpc('zhoutao'), rpc('lina')
    kind = zhoutao.call('crm.notify.kind', 'search', [('code', '=', 'todo_digest')])
    assert zhoutao.call('crm.notify.kind', 'read', kind, ['name', 'mail_enabled'])[0] == {
        'id': kind[0], 'name': '每日待办摘要', 'mail_enabled': False}
    counts = lina.call('crm.todo', 'get_counts')
    total = sum(counts.values())
    assert total, 'the demo gives lina to-dos'
    lina_email = admin.call('res.users', 'read', [lina.uid], ['email'])[0]['email'].lower()
    cron = admin.ref('crm_sales.ir_cron_crm_todo_digest')
    zhoutao.call('crm.notify.kind', 'write', kind, {'mail_enabled': True})
    try:
        start = mailbox.mark()
        admin.call('ir.cron', 'method_direct_trigger', [cron])
        mailbox.flush(admin)
        mail = mailbox.wait(to=lina_email, subject='每日待办摘要', since=start)
        assert mail.subject == '每日待办摘要：共 %d 项' % total
        assert '李娜，你好：' in mail.text and '你今天的待办：' in mail.text
        assert '打开我的待办' in mail.text
        assert [l for l in mail.links if l.startswith(base_url + '/web#action=')]
        assert mail.from_address.startswith('notifications@')
        # the same day again: nothing more
        again = mailbox.mark()
        admin.call('ir.cron', 'method_direct_trigger', [cron])
        mailbox.flush(admin)
        time.sleep(1)
        assert not mailbox.find(to=lina_email, subject='每日待办摘要', since=again)
    finally:
        zhoutao.call('crm.notify.kind', 'write', kind, {'mail_enabled': False})


def test_only_the_crm_administrator_switches_it(rpc):
    kind = rpc('zhoutao').call('crm.notify.kind', 'search', [('code', '=', 'todo_digest')])
    fault = rpc('lina').fault('crm.notify.kind', 'write', kind, {'mail_enabled': True})
    assert fault.faultCode == 4
