# -*- coding: utf-8 -*-
"""An amount of money in Chinese capitals (人民币大写), as written on contracts and
cheques: 180000 -> 壹拾捌万元整, 3005.5 -> 叁仟零伍元伍角, 1.05 -> 壹元零伍分."""
from decimal import ROUND_HALF_UP, Decimal

DIGITS = '零壹贰叁肆伍陆柒捌玖'
UNITS = ('', '拾', '佰', '仟')
GROUPS = ('', '万', '亿', '万亿')


def _group(number):
    """0 < number < 10000 in capitals; inner zeros read as one 零 (1005 -> 壹仟零伍)."""
    text, zero = '', False
    for position in range(3, -1, -1):
        digit = number // 10 ** position % 10
        if digit:
            text += ('零' if zero else '') + DIGITS[digit] + UNITS[position]
            zero = False
        elif text:
            zero = True
    return text


def amount_to_chinese(amount):
    """``amount`` (yuan, rounded half up to the fen) in Chinese capitals."""
    cents = int(Decimal(str(amount or 0)).quantize(Decimal('0.01'), ROUND_HALF_UP) * 100)
    sign, cents = ('负' if cents < 0 else ''), abs(cents)
    yuan, jiao, fen = cents // 100, cents // 10 % 10, cents % 10
    groups = []
    while yuan:
        groups.append(yuan % 10000)
        yuan //= 10000
    if len(groups) > len(GROUPS):
        raise ValueError('%s is too large to write in Chinese capitals' % amount)
    text, gap = '', False
    for index in range(len(groups) - 1, -1, -1):
        group = groups[index]
        if not group:
            gap = bool(text)
            continue
        # a zero between two groups (10100 -> 壹万零壹佰, 100010000 -> 壹亿零壹万)
        if text and (gap or group < 1000):
            text += '零'
        text += _group(group) + GROUPS[index]
        gap = False
    text += '元' if text else ''
    if not jiao and not fen:
        return sign + (text or '零元') + '整'
    if jiao:
        text += DIGITS[jiao] + '角'
    elif text:
        text += '零'
    if fen:
        text += DIGITS[fen] + '分'
    return sign + text
