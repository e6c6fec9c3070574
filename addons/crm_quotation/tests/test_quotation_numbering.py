# -*- coding: utf-8 -*-
from .common import QuoteCase


class TestNumbering(QuoteCase):

    def test_number_is_bj_date_counter_and_unique(self):
        first, second = self.make_quote(), self.make_quote()
        self.assertRegex(first.reference, r'^BJ20\d{6}\d{4}$')
        self.assertNotEqual(first.reference, second.reference)
        self.assertEqual(first.number, first.reference)
        self.assertEqual(first.validity_date, '2026-07-10')
