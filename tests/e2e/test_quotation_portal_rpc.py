"""The customer's link of a quote, end to end: lina sends an approved quote by e-mail
(Odoo's composer over XML-RPC, as the web client fills it in), the mail reaches the
contact through the SMTP sink with the PDF and the link, the customer opens the link
without signing in and accepts or declines with a name and a comment; the answer is in
the chatter and lina has an activity. A replayed answer, a wrong token, a quote revised
while the customer answers its old link, and a composer or a message a client fills in
by hand change nothing.

Records are created per test (ASCII names with a random tag, as test_quotation_rpc)."""
import re
import threading
import xmlrpc.client

import pytest
import requests

from conftest import URL, Rpc
from test_quotation_rpc import ctx, customer, expect, small  # noqa: F401 (fixture)

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')
PAGE_CSRF = re.compile(r'csrf_token: "([^"]+)"')     # the session's, on every page


def _contact(admin, partner, email):
    contact = admin.call('res.partner', 'search', [('parent_id', '=', partner)], limit=1)[0]
    admin.call('res.partner', 'write', [contact], {'email': email, 'lang': 'zh_CN'})
    return contact


def approved_quote(admin, ctx, email):
    """An approved quote of lina's whose contact has ``email``: (quote id, contact id)."""
    lina = Rpc('lina')
    partner = customer(admin, ctx)
    contact = _contact(admin, partner, email)
    qid = lina.call('crm.quotation', 'create', {
        'partner_id': partner, 'contact_id': contact, 'user_id': ctx['uid']['lina'],
        'team_id': ctx['team']['east'], 'title': 'E2E Link %s' % ctx['tag'],
        'payment_terms': 'Prepay 30%', 'line_ids': [(0, 0, line) for line in small(ctx)]})
    lina.call('crm.quotation', 'action_submit', [qid])
    return qid, contact


def send_by_email(user, qid):
    """What the web client does with *Send by E-mail*: the composer with the action's
    context, its template's values (onchange), created and sent."""
    action = user.call('crm.quotation', 'action_send_by_email', [qid])
    context = action['context']
    values = user.call('mail.compose.message', 'onchange_template_id', [],
                       context['default_template_id'], 'comment', 'crm.quotation', qid,
                       context=context)['value']
    composer = user.call('mail.compose.message', 'create', values, context=context)
    user.call('mail.compose.message', 'send_mail', [composer], context=context)
    return values


def link_of(admin, qid):
    """The customer's link as lina sees it on the form."""
    return Rpc('lina').call('crm.quotation', 'read', [qid], ['customer_url'])[0]['customer_url']


def open_link(link):
    session = requests.Session()
    page = session.get(link, timeout=120)
    found = CSRF.search(page.text) or PAGE_CSRF.search(page.text)
    return session, page, found.group(1) if found else ''


def answer(session, link, csrf, decision, name='Zhao Buyer', comment=''):
    return session.post(link + '/answer', data={'csrf_token': csrf, 'decision': decision,
                                                'name': name, 'comment': comment},
                        timeout=120)


def state_of(admin, qid):
    return admin.call('crm.quotation', 'read', [qid], ['state', 'customer_signer',
                                                      'customer_comment', 'answered_online'])[0]


def test_sent_by_email_and_accepted_through_the_link(admin, ctx, mailbox):
    email = 'buyer-%s@link.example.com' % ctx['tag']
    qid, contact = approved_quote(admin, ctx, email)
    reference = admin.call('crm.quotation', 'read', [qid], ['reference'])[0]['reference']
    start = mailbox.mark()
    values = send_by_email(Rpc('lina'), qid)
    assert reference in values['subject']
    assert state_of(admin, qid)['state'] == 'sent'
    mailbox.flush(admin)
    mail = mailbox.wait(to=email, subject=reference, since=start)
    assert '您好' in mail.text, mail.text
    link = [l for l in mail.links if '/crm/quotation/%d/' % qid in l]
    assert link, mail.links
    link = link[0]
    assert link == link_of(admin, qid)
    attachments = [part.get_filename() for part in mail.headers.iter_attachments()]
    assert reference + '.pdf' in attachments, attachments
    # nobody else got the link: no other mail of this quote went out
    others = [m for m in mailbox.find(subject=reference, since=start) if email not in m.to + m.envelope_to]
    assert not others, others
    # the chatter's copy hides the token
    token = link.rsplit('/', 1)[1]
    bodies = admin.call('mail.message', 'search_read', [
        ('model', '=', 'crm.quotation'), ('res_id', '=', qid)], ['body'])
    assert not [b for b in bodies if token in (b['body'] or '')]

    session, page, csrf = open_link(link)
    assert page.status_code == 200
    assert reference in page.text and '接受报价' in page.text
    res = answer(session, link, csrf, 'accept', comment='OK, please send the contract')
    assert res.status_code == 200, res.text[-500:]
    assert '您已接受此报价' in res.text
    data = state_of(admin, qid)
    assert (data['state'], data['customer_signer'], data['answered_online']) == \
        ('accepted', 'Zhao Buyer', True)
    assert data['customer_comment'] == 'OK, please send the contract'
    messages = admin.call('mail.message', 'search_read', [
        ('model', '=', 'crm.quotation'), ('res_id', '=', qid), ('author_id', '=', contact)],
        ['body'])
    assert len(messages) == 1 and '接受了报价' in messages[0]['body'] and \
        'Zhao Buyer' in messages[0]['body'], messages
    activities = admin.call('mail.activity', 'search_read', [
        ('res_model', '=', 'crm.quotation'), ('res_id', '=', qid),
        ('user_id', '=', ctx['uid']['lina'])], ['summary'])
    assert len(activities) == 1 and '客户已接受' in activities[0]['summary'], activities
    # replay: the same answer again changes nothing
    again = answer(session, link, csrf, 'decline', comment='changed my mind')
    assert again.status_code == 409 and '此报价已被接受' in again.text
    assert state_of(admin, qid)['customer_comment'] == 'OK, please send the contract'
    # lina makes the contract
    contract = Rpc('lina').call('crm.quotation', 'action_create_contract', [qid])
    assert contract['res_model'] == 'crm.contract'


def test_declined_through_the_link(admin, ctx):
    qid, _contact_id = approved_quote(admin, ctx, 'decline-%s@link.example.com' % ctx['tag'])
    Rpc('lina').call('crm.quotation', 'action_send', [qid])
    link = link_of(admin, qid)
    session, page, csrf = open_link(link)
    missing = answer(session, link, csrf, 'decline', name='', comment='Too expensive')
    assert missing.status_code == 400 and '请填写您的姓名' in missing.text
    assert state_of(admin, qid)['state'] == 'sent'
    res = answer(session, link, csrf, 'decline', comment='Too expensive')
    assert res.status_code == 200 and '您已拒绝此报价' in res.text
    data = state_of(admin, qid)
    assert (data['state'], data['customer_comment']) == ('declined', 'Too expensive')


def test_a_wrong_token_or_a_foreign_quote_shows_nothing(admin, ctx):
    qid, _c = approved_quote(admin, ctx, 'wrong-%s@link.example.com' % ctx['tag'])
    other, _c2 = approved_quote(admin, ctx, 'other-%s@link.example.com' % ctx['tag'])
    for q in (qid, other):
        Rpc('lina').call('crm.quotation', 'action_send', [q])
    link, other_link = link_of(admin, qid), link_of(admin, other)
    references = [r['reference'] for r in admin.call('crm.quotation', 'read', [qid, other], ['reference'])]
    wrong = [link[:-4] + 'abcd', '%s/crm/quotation/%d/%s' % (URL, qid, other_link.rsplit('/', 1)[1]),
             '%s/crm/quotation/999999999/%s' % (URL, link.rsplit('/', 1)[1])]
    for url in wrong:
        session, page, csrf = open_link(url)
        assert page.status_code == 404, url
        assert '链接无效' in page.text
        assert not [r for r in references if r in page.text]
        assert 'Traceback' not in page.text
        # an answer posted to it (with a valid CSRF token of the session) changes nothing
        res = answer(session, url, csrf, 'accept')
        assert res.status_code == 404
        pdf = session.get(url + '/pdf', timeout=60)
        assert pdf.status_code == 404 and 'application/pdf' not in pdf.headers.get('Content-Type', '')
    assert state_of(admin, qid)['state'] == 'sent'
    assert state_of(admin, other)['state'] == 'sent'


def test_the_pdf_through_the_link(admin, ctx):
    qid, _c = approved_quote(admin, ctx, 'pdf-%s@link.example.com' % ctx['tag'])
    Rpc('lina').call('crm.quotation', 'action_send', [qid])
    res = requests.get(link_of(admin, qid) + '/pdf', timeout=300)
    assert res.status_code == 200
    assert res.headers['Content-Type'] == 'application/pdf'
    assert res.content.startswith(b'%PDF')


def test_a_quote_revised_while_the_customer_answers_its_old_link(admin, ctx):
    qid, _c = approved_quote(admin, ctx, 'revise-%s@link.example.com' % ctx['tag'])
    Rpc('lina').call('crm.quotation', 'action_send', [qid])
    link = link_of(admin, qid)
    session, page, csrf = open_link(link)          # the customer has the page open
    new = Rpc('lina').call('crm.quotation', 'action_revise', [qid])['res_id']
    res = answer(session, link, csrf, 'accept')
    assert res.status_code == 409
    assert '已被新版本取代' in res.text
    assert state_of(admin, qid)['state'] == 'superseded'
    assert state_of(admin, new)['state'] == 'draft'
    assert not link_of(admin, new)


def test_accept_through_the_link_racing_a_revision(admin, ctx):
    """The customer accepts through the link at the moment lina revises: one wins; never
    an accepted quote that is also superseded."""
    for _round in range(3):
        qid, _c = approved_quote(admin, ctx, 'race-%s@link.example.com' % ctx['tag'])
        lina = Rpc('lina')
        lina.call('crm.quotation', 'action_send', [qid])
        link = link_of(admin, qid)
        session, _page, csrf = open_link(link)
        barrier = threading.Barrier(2)
        results = {}

        def customer_accepts():
            barrier.wait()
            results['customer'] = answer(session, link, csrf, 'accept').status_code

        def lina_revises():
            barrier.wait()
            try:
                lina.call('crm.quotation', 'action_revise', [qid])
                results['lina'] = 'ok'
            except xmlrpc.client.Fault as fault:
                expect(fault, 2)
                results['lina'] = 'refused'
        threads = [threading.Thread(target=customer_accepts), threading.Thread(target=lina_revises)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(300)
        state = state_of(admin, qid)['state']
        versions = admin.call('crm.quotation', 'search_count', [('root_id', '=', qid)])
        if results['customer'] == 200:
            assert (results['lina'], state, versions) == ('refused', 'accepted', 0), results
        else:
            assert results['customer'] == 409, results
            assert (results['lina'], state, versions) == ('ok', 'superseded', 1), results


def test_a_client_cannot_mark_a_quote_sent_by_hand(admin, ctx):
    lina = Rpc('lina')
    qid, contact = approved_quote(admin, ctx, 'hand-%s@link.example.com' % ctx['tag'])
    # a message with every key a client could think of marks nothing
    lina.call('crm.quotation', 'message_post', [qid], body='see the quote',
              partner_ids=[contact], message_type='comment', subtype='mail.mt_comment',
              context={'mark_quotation_as_sent': True, 'mark_so_as_sent': True})
    assert state_of(admin, qid)['state'] == 'approved'
    # the quote's template on a draft quote: refused, nothing posted
    partner = customer(admin, ctx)
    draft = lina.call('crm.quotation', 'create', {
        'partner_id': partner, 'user_id': ctx['uid']['lina'], 'team_id': ctx['team']['east'],
        'line_ids': [(0, 0, line) for line in small(ctx)]})
    template = admin.ref('crm_quotation.mail_template_quotation_send')
    composer = lina.call('mail.compose.message', 'create', {
        'model': 'crm.quotation', 'res_id': draft, 'template_id': template,
        'composition_mode': 'comment', 'body': 'hello', 'subject': 'x'})
    before = admin.call('mail.message', 'search_count', [('model', '=', 'crm.quotation'),
                                                         ('res_id', '=', draft)])
    expect(lina.fault('mail.compose.message', 'send_mail', [composer]), 2)
    assert state_of(admin, draft)['state'] == 'draft'
    assert admin.call('mail.message', 'search_count', [('model', '=', 'crm.quotation'),
                                                       ('res_id', '=', draft)]) == before
    # the executive reads the quote but may not send it, nor see its link
    expect(Rpc('wugang').fault('crm.quotation', 'action_send_by_email', [qid]), (2, 4))
    lina.call('crm.quotation', 'action_send', [qid])
    assert not Rpc('wugang').call('crm.quotation', 'read', [qid], ['customer_url'])[0]['customer_url']
    assert link_of(admin, qid)
