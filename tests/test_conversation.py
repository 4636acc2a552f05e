"""Follow-ups: the conversation carries what earlier questions were about into one that leaves it out."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import ROOT

from qa.common.places import lookup
from qa.search.conversation import resolve
from qa.search.question import Reader

KNOWN = (lookup("吉县"), lookup("山西省"), lookup("陕西省"), lookup("海拉尔区"), lookup("河南省"))


@pytest.mark.parametrize("history, question, resolved", [
    (["今年地区生产总值增长目标是多少？"], "固定资产投资呢？", "今年固定资产投资增长目标是多少？"),
    (["城镇新增就业目标是多少？"], "农村呢？", "农村新增就业目标是多少？"),
    (["城镇居民人均可支配收入是多少？"], "农村居民呢？", "农村居民人均可支配收入是多少？"),
    (["陕西2025年城镇新增就业目标是多少？"], "山西呢？", "山西2025年城镇新增就业目标是多少？"),
    (["海拉尔区2016年地区生产总值是多少？"], "2017年呢？", "海拉尔区2017年地区生产总值是多少？"),
    (["陕西2025年城镇新增就业目标是多少？", "山西呢？"], "粮食产量呢？", "山西2025年粮食产量目标是多少？"),
    (["山西省2025年地区生产总值增长目标是多少？"], "粮食产量目标是多少？", "山西省2025年粮食产量目标是多少？"),
    (["壶口景区去年接待了多少游客？"], "比前年多吗？", "壶口景区去年接待了游客比前年多吗？"),
    (["2024年全国城镇新增就业目标是多少？"], "城镇调查失业率呢？", "2024年全国城镇调查失业率目标是多少？"),
    # a switch of measure keeps the indicator (the issue's own examples of the kind)
    (["吉县去年GDP增速多少？"], "总量呢？", "吉县去年GDP总量多少？"),
    (["山西省2025年地区生产总值增长目标是多少？"], "实际呢？", "山西省2025年地区生产总值增长实际是多少？"),
    # a switch of year re-reads the year, and what else the follow-up names
    (["河南2024年城镇新增就业多少人？"], "今年的目标呢？", "河南今年城镇新增就业目标是多少人？"),
    (["山西省2025年地区生产总值增长目标是多少？"], "去年实际完成了多少？", "山西省去年地区生产总值增长实际完成是多少？"),
    # a follow-up with no topic of its own (a year, a measure, a verb, a rank) keeps place and indicator
    (["河南今年粮食产量目标多少？"], "去年实际收了多少", "河南去年粮食产量实际收了多少"),
    (["海拉尔区2016年固定资产投资完成了多少"], "同比涨了多少？", "海拉尔区2016年固定资产投资同比涨了多少？"),
    (["山西去年经济增长了多少"], "在全国排第几", "山西去年经济增速在全国排第几"),  # the growth is ranked; 全国 the yardstick
    (["陕西今年GDP增长目标"], "那失业率要控制在多少", "陕西今年失业率要控制在多少"),  # 那…: it goes on
    (["新疆去年粮食产量多少"], "全国排第几", "新疆去年粮食产量全国排第几"),  # 全国 the yardstick, not a place
    # a pronoun for a thread's subject that names no place: the subject, up to its time or asking words
    (["陵水黎安国际教育创新试验区现在有多少师生？"], "它今年想把规模做到多大？", "陵水黎安国际教育创新试验区今年想把规模做到多大？"),
    # two measures switched at once, each for its own kind (实际 for 目标, 增速 for 增长)
    (["吉县2024年定的经济增长目标是多少？"], "那2023年实际增速呢", "吉县2023年定的经济增速实际是多少？"),
    (["浙江今年GDP增长目标多少"], "粮食生产有什么要求", "浙江今年粮食生产有什么要求"),  # another topic, same report
    (["海拉尔区2012年GDP目标定的多少？"], "13年的呢", "海拉尔区2013年GDP目标定的多少？"),  # a two-digit year
    (["海拉尔2016年旅游收入多少？"], "再前一年呢？", "海拉尔2015年旅游收入多少？"),  # 再: once more back from the thread's
    (["海拉尔区2014年地区生产总值是多少？", "前一年呢"], "再往前呢", "海拉尔区2012年地区生产总值是多少？"),
    # the measure word of the thread's count is the count's, not its thing's (多少个托位: 托位, not 个托位)
    (["陕西去年新增了多少个托位？"], "福建那边新增几个？", "福建去年托位新增几个？"),
    # so many years on or back from the thread's (两年后, 三年前, 再过一年, 再往前推两年), and 紧接着的 is no topic
    (["海拉尔区2016年城镇新增就业有多少人？"], "两年后呢？", "海拉尔区2018年城镇新增就业有多少人？"),
    (["海拉尔2017年旅游收入多少？"], "三年前呢？", "海拉尔2014年旅游收入多少？"),
    (["海拉尔2017年旅游收入多少？"], "再往前推两年呢？", "海拉尔2015年旅游收入多少？"),
    (["海拉尔2015年城镇常住居民人均可支配收入完成多少？"], "再过一年涨到多少了？", "海拉尔2016年城镇常住居民人均可支配收入完成多少？"),
    (["2011年海拉尔城镇里新增就业了多少人？"], "紧接着的下一年呢？", "2012年海拉尔城镇里新增就业了多少人？"),
    (["海拉尔2016年旅游收入多少？"], "三年后的呢", "海拉尔2019年旅游收入多少？"),
    (["海拉尔2016年旅游收入多少？"], "那两年后的目标呢？", "海拉尔2018年旅游收入目标是多少？"),
    # not a move of the year: a span inside 超过, a plan beaten by so many years
    (["海拉尔2016年旅游收入多少？"], "工期超过两年的项目有几个？", "海拉尔2016年工期超过两年的项目有几个？"),
    (["海拉尔2016年旅游收入多少？"], "比计划早两年吗", "海拉尔2016年旅游收入比计划早两年吗"),
    (["海拉尔区2018年接待游客多少人次"], "再往前推两年是多少", "海拉尔区2016年接待游客多少人次"),  # two years, not one
    # words that only point or look (看看, 那边) are no topic; a turn opening with 它, 这个数字 asks of the thread's figure
    (["陕西2024年地区生产总值是多少"], "换成山西看看", "山西2024年地区生产总值是多少"),
    (["河南去年城镇新增就业多少人？"], "山西那边呢", "山西去年城镇新增就业多少人？"),
    (["吉县去年一般公共预算收入是多少"], "它今年的目标呢", "吉县今年一般公共预算收入目标是多少"),
    (["河南去年粮食产量多少"], "这个数字今年要做到多少？", "河南今年粮食产量要做到多少？"),
    (["How many tourists did Hailar receive in 2017?"], "and the year before?", "How many tourists did Hailar receive in 2016?"),
    (["How much grain did Henan produce last year?"], "and how much is it aiming for this year",
     "Henan grain produce target for this year?"),
    # how or why with no topic of its own (a measure is none) asks of the thread's indicator, as it was asked
    (["河南去年城镇新增就业多少"], "靠什么措施做到的", "河南去年城镇新增就业靠什么措施做到的"),
    (["山西今年经济增长目标定多少"], "为啥定这么高", "山西今年经济增长目标为啥定这么高"),
    (["河南去年GDP多少"], "人均呢", "河南去年人均GDP多少"),  # per head of the thread's indicator
    (["山西今年城镇新增就业目标"], "邻省陕西呢", "陕西今年城镇新增就业目标"),  # 邻省 locates the place
    # an English follow-up to a Chinese question, made of frame words and places only, is the Chinese one it means
    (["海拉尔区2015年旅游收入多少"], "What about the year before?", "海拉尔区2014年旅游收入多少"),
    (["河南去年粮食产量多少"], "What's the target for this year?", "河南今年粮食产量目标是多少"),
    (["山西今年GDP目标多少"], "What about Henan's?", "河南省今年GDP目标多少"),
    (["吉县去年GDP总量多少？"], "How fast did it grow?", "吉县去年GDP增速多少？"),
    # an English follow-up that only switches the measure (and the year) keeps the English thread's indicator
    (["What was Henan's GDP last year?"], "How big is it in total?", "Henan GDP total last year?"),
    (["What is the national target for new urban jobs this year?"], "What about last year's actual number?",
     "national new urban jobs actual last year?"),
    (["How much tourism revenue did Hailar earn in 2014?"], "And in 2012?",
     "How much tourism revenue did Hailar earn in 2012?"),  # a year alone: the thread's question, of that year
    # another place set against the thread's: the thread's question, compared (a table with a verdict)
    (["山西2025年粮食产量目标是多少？"], "陕西比它高吗？", "山西2025年粮食产量目标，陕西比山西高吗？"),
    (["河南2025年城镇新增就业目标"], "山西呢？哪个多", "河南和山西2025年城镇新增就业目标哪个多"),
    # (两个省 are the thread's two; 谁定得高 has the figure's verb with 得 before the comparative)
    (["河南2025年城镇新增就业目标是多少？"], "山西呢？两个省谁定得高？", "河南和山西2025年城镇新增就业目标谁定得高"),
    (["吉縣去年GDP增速多少？"], "總量呢", "吉縣去年GDP总量多少？"),  # Traditional words for the measures
    (["What is Shanxi's target for new urban jobs in 2025?"], "And Shaanxi?",
     "What is Shaanxi's target for new urban jobs in 2025?"),
    (["What is Shanxi's target for new urban jobs in 2025?"], "Is that higher than Henan's?",
     "What is Shanxi's target for new urban jobs in 2025, Is that higher than Henan's?"),
    # a count switched in for a growth rate keeps the target, not the 增长; an item with its own 目标 replaces it
    (["上海今年GDP增长目标多少"], "那城镇新增就业呢？", "上海今年城镇新增就业目标多少"),
    (["陕西今年GDP增长目标多少"], "粮食产量目标呢", "陕西今年粮食产量目标多少"),
    # a comparison with another year of the thread's indicator (not a swap of the year)
    (["河南今年城镇新增就业目标多少"], "和去年比呢？", "河南今年城镇新增就业目标和去年比呢？"),
    # a turn that only compares: the thread's question asked of its last two places, or its last two years
    (["河南2025年城镇新增就业目标是多少？", "山西呢？"], "哪个多？", "河南和山西2025年城镇新增就业目标哪个多？"),
    (["海拉尔区2016年地区生产总值是多少？", "2018年呢？"], "哪年高？", "海拉尔区2016年和2018年地区生产总值哪年高？"),
    (["河南2025年城镇新增就业目标是多少？", "山西呢？"], "两个差多少", "河南和山西2025年城镇新增就业目标差多少"),
    # a turn that only adds the two up: the thread's question of both, added (a table with their sum)
    (["2024年四川地区生产总值是多少？", "重庆呢？"], "两个加起来多少？", "2024年四川和重庆地区生产总值加起来多少？"),
    (["海拉尔2015年地区生产总值是多少？", "2016年呢？"], "两年加起来多少？", "海拉尔2015年和2016年地区生产总值加起来多少？"),
    (["How much grain did Henan produce in 2024?", "And Shandong?"], "What's the combined total?",
     "How much grain did Henan and Shandong produce in 2024, What's the combined total?"),
    (["河南2024年粮食产量多少？", "山西呢？"], "加起来呢？", "河南和山西2024年粮食产量加起来呢？"),
    # another place named with its figure asked, then the two added up: both in the one question, summed
    (["河北2024年普惠托位新增了多少个？"], "海南呢？加起来多少？", "河北和海南2024年普惠托位新增了多少个，加起来多少"),
    # 一共 said of the two adds them up (一共 alone asks a total)
    (["重庆去年完成了多少户特困老人居家适老化改造？"], "贵州呢？两地一共多少户？",
     "重庆和贵州去年完成了多少户特困老人居家适老化改造，一共多少户"),
    (["河北2024年普惠托位新增了多少个？"], "海南新增托位多少？两省加起来呢？", "海南和河北2024年新增托位多少？两省加起来呢？"),
    (["河南2024年粮食产量多少？", "山西呢？"], "总和是多少？", "河南和山西2024年粮食产量总和是多少？"),
    (["What is Shanxi's target for new urban jobs in 2025?", "And Shaanxi?"], "Which is higher?",
     "What is Shanxi and Shaanxi's target for new urban jobs in 2025, Which is higher?"),
    # another place set against the thread's in words that only compare: the thread's question, as asked, of both
    (["河北去年粮食产量是多少？"], "山东呢？两边比一比", "河北和山东去年粮食产量是多少，两边比一比"),
    (["广东今年GDP增长目标是多少？"], "和江苏比差多少？", "广东和江苏今年GDP增长目标是多少，差多少"),
    (["湖北今年经济增长目标定了多少？"], "跟湖南比谁高？", "湖北和湖南今年经济增长目标定了多少，谁高"),
    # another place after a comparison of two: the thread's question of that place alone, not 河南和河南…哪个多
    (["山西和陕西2025年城镇新增就业目标哪个多？"], "那河南呢？", "河南2025年城镇新增就业目标是多少？"),
    (["山西、陕西2025年城镇新增就业目标分别是多少"], "河南呢", "河南2025年城镇新增就业目标是多少"),
    (["河南2025年城镇新增就业目标是多少？", "山西呢？", "哪个多？"], "那陕西呢？", "陕西2025年城镇新增就业目标是多少？"),
    (["山西和陕西今年怎么发展煤化工"], "河南呢", "河南今年怎么发展煤化工"),  # side by side, no figure asked
    # two questions in one turn: the swap, then a comparison asked of it
    (["海拉尔区2018年城镇居民人均可支配收入是多少？"], "农村的呢？差多少",
     "海拉尔区2018年城镇居民人均可支配收入和农村居民人均可支配收入差多少"),  # both sides named in parallel
    # a measure switched in with its own measure word does not keep the thread's (物价涨幅目标, not 物价涨幅增长目标)
    (["北京今年GDP增长目标是多少"], "物价涨幅呢？", "北京今年物价涨幅目标是多少"),
    # another item of the thread's list: the ordinal replaced, or asked of the list the thread asked about
    (["吉县2024年十件民生实事第三件是什么"], "第十件呢", "吉县2024年十件民生实事第十件是什么"),
    (["吉县2024年十件民生实事第三件是什么"], "那最后一件呢？", "吉县2024年十件民生实事最后一件是什么"),
    (["海拉尔2019年工作分几个方面"], "第三个方面是什么", "海拉尔2019年工作的第三个方面是什么"),
    (["黔东南2024年十件民生实事有哪些"], "第四件呢", "黔东南2024年十件民生实事的第四件是什么"),
    (["江西今年要重点抓好哪几个方面工作？"], "第七个方面具体要干些啥？", "江西今年要重点抓好工作的第七个方面是什么"),  # in more words
    # a list counted with 多少, or listed with 哪些, and an item asked with its measure word (件, 项): an item of it
    (["山西今年要办多少件民生实事？"], "第十一件呢？", "山西今年民生实事的第十一件是什么"),
    (["重庆今年有哪些民生实事？"], "第三件呢？", "重庆今年民生实事的第三件是什么"),
    # a place inside the thread's, pointed at as the thread's (这个自治区的): the place named, without the pointer
    (["宁夏今年GDP增长目标是多少？"], "这个自治区的固原呢？", "固原今年GDP增长目标是多少？"),
    # one of two places compared, asked a figure with no topic of its own: the thread's topic, of that place
    (["山西和陕西2025年GDP增长目标哪个高？"], "山西去年实际增长了多少", "山西去年GDP实际增长了多少"),
    # 实际 before the indicator's name, which stays one word (经济增长 is GDP growth; 经济实际增长 is no word)
    (["宁夏今年经济增长目标是多少"], "去年实际增长了多少？", "宁夏去年实际经济增长了多少？"),
    # a turn pointing at the thread's topic by one of its nouns: the noun said once, in the thread's words
    (["河南在建的核电规模有多大"], "这个规模全国排第几", "河南核电规模全国排第几"),
    (["吉县今年城镇新增就业目标多少？"], "这个目标是怎么定的", "吉县今年城镇新增就业目标是怎么定的"),
    # whether the target was met is what the year came to (定的 says what was done to the topic after it)
    (["海拉尔区2012年定的旅游人数目标是多少"], "那个目标最后实现了吗", "海拉尔区2012年旅游人数实际完成了多少"),
    (["河南去年基础设施建设搞得怎么样？"], "高铁那块细说一下", "河南去年高铁"),  # 那块, 细说一下 only point
    (["海拉尔2012年物流业发展得怎么样"], "物流这块能不能讲得详细点", "海拉尔2012年物流"),  # asks more of a topic it names
    (["新疆2025年重点产业集群有哪些"], "棉花和纺织服装那部分展开说说", "新疆2025年棉花和纺织服装"),
    (["北京今年交通方面有什么计划？"], "治堵那块再讲细一点", "北京今年治堵"),  # 讲细一点 is 讲详细一点
    # the growth of a total that names its indicator (进出口总额), and the share of the thread's figure
    (["河南去年进出口总额是多少"], "增长了多少呢", "河南去年进出口总额增长是多少"),
    # a total switched in (外贸进出口总额) is asked as an amount, not with the thread's growth
    (["上海去年GDP增长多少"], "外贸进出口总额呢？", "上海去年外贸进出口总额多少"),
    (["河南去年棉花产了多少？"], "占全国的比重呢", "河南去年棉花占全国的比重是多少"),
    # 那个 before a noun the thread never said goes on to a new topic; this year's target met is not known yet
    (["山西今年GDP增长目标"], "那个失业率控制在多少", "山西今年失业率控制在多少"),
    (["河南今年GDP增长目标"], "那个失业率呢", "河南今年失业率目标"),
    (["河南今年定的旅游人数目标是多少"], "那个目标最后实现了吗", "河南今年旅游人数目标最后实现了吗"),
    # words that point at the thread's place (那边, 该省, 当地) say no more than the place the turn leaves out
    (["河南去年经济增长多少？"], "那边今年定的目标呢？", "河南今年经济增长目标是多少？"),
    (["山西今年GDP增长目标"], "该省的粮食产量目标是多少", "山西今年粮食产量目标是多少"),
    (["山西今年GDP增长目标"], "当地的城镇新增就业呢", "山西今年城镇新增就业目标"),
    # what the target was set as describes the thread's figure, it names no topic of its own
    (["福建今年GDP目标是多少"], "为什么定成一个区间", "福建今年GDP目标为什么定成一个区间"),
    # what a verb counts is the topic (建多少保障房: 保障房), not the verb
    (["河南今年要建多少保障房"], "租赁住房呢", "河南今年要建多少租赁住房"),
    # the year's report pointed at (那份, 报告里) and the thread's figure pointed at inside the turn (这个数)
    (["海拉尔区2016年定的地区生产总值增长目标是多少？"], "2018年那份呢？", "海拉尔区2018年定的地区生产总值增长目标是多少？"),
    # a year's report named in a turn of its own stays the report (its review is of the year before)
    (["海拉尔2013年报告里上一年社零完成了多少？"], "2015年报告里社零完成了多少？", "海拉尔2015年报告里社零完成了多少？"),
    # 哪边多 asks which side, as 哪个多 does; the year a report reviews (前一年) is no topic of a comparison
    (["西藏去年招商引资到位资金多少？"], "青海呢？哪边多", "西藏和青海去年招商引资到位资金哪边多"),
    (["海拉尔2013年报告里前一年地方财政总收入是多少？"], "跟2015年报告里说的上年数比，涨了多少？",
     "海拉尔2013年报告里前一年地方财政总收入和2015年报告里的地方财政总收入哪个高"),
    # another year's report and nothing else: the thread's question of it, the year it reviews moved with it
    (["海拉尔2015年报告里，2014年失业人员再就业了多少人？"], "前一年呢", "海拉尔2014年报告里，2013年失业人员再就业了多少人？"),
    (["海拉尔2016年报告里，2020年地区生产总值要达到多少？"], "2018年报告里呢", "海拉尔2018年报告里，2020年地区生产总值要达到多少？"),
    (["海拉尔2013年报告说机场国内国际航线有多少条？"], "2015年报告里又是多少条", "海拉尔2015年报告说机场国内国际航线有多少条？"),
    (["海拉尔2017年报告里，2016年规上工业总产值是多少？"], "那2016年报告说的呢", "海拉尔2016年报告里，2015年规上工业总产值是多少？"),
    # a swap, then a clause that only asks again: the thread's question of the place swapped in, its year kept
    (["广西去年改造了多少个老旧小区？"], "换成内蒙古看看，改了多少个？", "内蒙古去年改造了多少个老旧小区？"),
    # 多少了 asks what a figure has come to by now: the thread's year (今年, a plan) does not go with it
    (["四川今年GDP目标是多少？"], "再问问，人均预期寿命多少了", "四川人均预期寿命多少了"),
    # (the thread's plan and verb said again, 计划推进几个 after 要推进多少个…: the thread's question of that year)
    (["海拉尔2018年要推进多少个棚改区域的配套设施建设？"], "换到2019年，计划推进几个？",
     "海拉尔2019年要推进多少个棚改区域的配套设施建设？"),
    (["海拉尔区2015年的报告里，城镇居民人均可支配收入是多少？"], "2014年报告里这个数是多少？",
     "海拉尔区2014年的报告里，城镇居民人均可支配收入是多少？"),
    # on what the thread's figure was based: asked of the target, not of a topic called 依据
    (["重庆今年经济增长目标是多少？"], "这么定的依据是什么？", "重庆今年经济增长目标这么定的依据是什么？"),
    # why asked of another place, its figure described: the thread's target, of that place
    (["山西今年经济增长目标是多少"], "那河南为什么定5.5%", "河南今年经济增长目标为什么定5.5%"),
    # a place or a year said alone after 那 or 再看, however long the thread: it swaps as 河南呢 does
    (["山西今年GDP增长目标是多少", "陕西呢"], "那河南", "河南今年GDP增长目标是多少"),
    (["海拉尔区2016年地区生产总值是多少？"], "再看2017年的", "海拉尔区2017年地区生产总值是多少？"),
    # how many items the thread's list has, then one of them
    (["河南今年要办哪些民生实事"], "一共几件", "河南今年民生实事一共几件"),
    (["河南今年要办哪些民生实事", "一共几件"], "第二件是什么", "河南今年民生实事的第二件是什么"),
    (["山西说今年要在五个方面有新作为，是哪五个"], "第三个呢", "山西说今年要在五个方面有新作为的第三个是什么"),  # 哪五个
    # 了 after a word makes it the verb (jieba reads 新建 as a place): what is counted after it is the topic
    (["陕西去年新建了多少高标准农田"], "该省今年咋安排的", "陕西今年高标准农田咋安排的"),
    # the report pointed at (报告里) is no topic
    (["海拉尔区2014年报告里，2013年社零完成了多少"], "固定资产投资呢", "海拉尔区2014年报告里，2013年固定资产投资完成了多少"),
    # another place and which is more: the two side by side in the thread's question
    (["山西今年GDP增长目标多少"], "陕西呢，哪个高", "山西和陕西今年GDP增长目标哪个高"),
    # what is counted is the topic: not the measure word of the count (多少个), nor a verb the tagger takes for a place
    (["河南今年新建多少个养老院？"], "充电桩呢", "河南今年新建多少个充电桩？"),
    (["河南今年要建多少个养老院？"], "充电桩呢", "河南今年要建多少个充电桩？"),
    # one place after two compared: its figure (各多少 is each of two; 哪个多 asks nothing of one)
    (["山西和陕西去年粮食产量各多少，哪个多？"], "那河南呢", "河南去年粮食产量多少？"),
    (["山西和陕西今年GDP增长目标哪个高？"], "河南呢", "河南今年GDP增长目标是多少？"),
    (["What was Hailar's local fiscal revenue target in its 2014 report?"], "and in the 2012 one?",
     "What was Hailar's local fiscal revenue target in its 2012 report?"),
    # 在…上 frames the topic (上 closes what 在 opened; 线上 is a word of the topic); 说说看 asks to be told, 讲座 is a topic
    (["河南今年在养老服务上有什么打算？"], "具体都有哪些举措，说说看", "河南今年养老服务具体都有哪些举措，说说看"),
    (["河南去年线上消费增长了多少"], "靠什么做到的", "河南去年线上消费增长靠什么做到的"),
    (["河南去年粮食产量多少"], "讲座怎么办的", "河南去年讲座怎么办的"),
    # a two-character verb before a one-character noun names a thing (保障房, 充电桩): a topic of the turn's own
    (["陕西去年新建改建了多少养老服务机构？"], "保障房筹集了多少套", "陕西去年保障房筹集了多少套"),
    # 那边 after a place is that place, and 这一项 the thread's indicator
    (["河北2025年规上工业增加值打算增长多少？"], "辽宁那边定的是多少？", "辽宁2025年规上工业增加值定的是多少？"),
    (["海南今年社会消费品零售总额目标是多少？"], "西藏那边这一项定的多少？", "西藏今年社会消费品零售总额目标定的多少？"),
    (["福建5G基站打算建几个"], "广东的情况呢？", "广东5G基站打算建几个"),  # (的情况 is no pointer)
    # 同一年 is the thread's year
    (["安徽2024年新增托位多少？"], "同一年福建呢？", "福建2024年新增托位多少？"),
    # a Chinese turn after an English question: asked in Chinese, of the thread's place and year
    (["What economic growth rate is Beijing aiming for in 2025?"], "那一般公共预算收入目标呢？", "北京2025年一般公共预算收入目标呢"),
    (["How many tourists did Yunnan receive last year?"], "平均一天接待多少游客", "云南去年平均一天接待多少游客"),
    # a thing of the thread swapped whole: its size (10亿元以上的), the nouns joined to it (…及…) and 各类 go with it; an
    # amount of its own is asked as an amount, and a thing that names its own doing is not done as the thread's was
    (["安徽去年新开工10亿元以上的制造业项目有多少个？"], "那制造业投资呢？", "安徽去年制造业投资是多少"),
    (["甘肃去年新能源及新能源装备制造业产值达到多少？"], "百亿园区呢？", "甘肃去年百亿园区达到多少？"),
    (["北京去年整治提升了多少条背街小巷？"], "城中村改造项目呢？", "北京去年城中村改造项目有多少"),
    (["北京去年新建了多少公里高速公路？"], "铁路呢？", "北京去年新建了多少公里铁路？"),
    # a turn that opens with a verb has the thread's subject for its own, where the thread names one before its verb
    (["天津海河产业基金带动了多少只母基金？"], "投了多少个项目？", "天津海河产业基金投了多少个项目？"),
    (["河南去年新建了多少所学校？"], "改造了多少个老旧小区？", "河南去年改造了多少个老旧小区？"),
    (["宁夏去年城镇新增就业多少人", "开发了多少公益性岗位？"], "那边今年打算开发多少个", "宁夏今年公益性岗位打算开发多少个"),
    (["北京去年整治提升了多少条背街小巷？"], "建了多少个口袋公园？", "北京去年建了多少个口袋公园？"),
    (["河南去年新建了多少座桥？"], "隧道呢？", "河南去年新建了多少座隧道？"),  # (桥 is the thing, not a unit)
    # the total so far of what the thread counted as added: all of them
    (["上海去年新增各类总部机构多少家？"], "累计达到多少家？", "上海去年各类总部机构累计达到多少家？"),
    (["湖南去年新增上市企业多少家？"], "那累计总数呢？", "湖南去年上市企业累计总数有多少"),  # (it dropped the firms)
    # which things the thread counted: the same question asking which (the thing was dropped: 山东去年农产品入选都是哪些)
    (["山东去年有几个农产品入选了国家农业品牌精品？"], "都是哪些？", "山东去年有哪几个农产品入选了国家农业品牌精品"),
    (["江苏去年布局了几个省基础科学中心？"], "分别是什么方向的？", "江苏去年布局了省基础科学中心是哪些"),  # (not 哪几个省)
    (["山西今年要新建几个市级公园"], "都是哪些", "山西今年要新建哪几个市级公园"),  # (市级: parks, not cities)
    # another place's indicator in the turn's own, shorter name (the other report may say only that)
    (["甘肃去年常住人口城镇化率多少？"], "宁夏的城镇化率呢？", "宁夏去年城镇化率多少？"),
    # the country's indicator asked of the thread's place is that place's
    (["河南去年粮食产量多少？"], "国内生产总值呢？", "河南去年国内生产总值多少？"),
])
def test_follow_ups_are_resolved(history, question, resolved):
    r = resolve(question, [{"role": "user", "content": q} for q in history], Reader(KNOWN), True)
    assert r.question == resolved and r.carried


def test_a_word_that_opens_with_its_character_is_no_pronoun():
    # 其中 (among them) and a thread whose subject ends in no time or asking of having are carried no subject
    thread = [{"role": "user", "content": "陵水黎安国际教育创新试验区现在有多少师生？"}]
    assert not resolve("其中研究生有多少？", thread, Reader(KNOWN), True).carried
    verb = [{"role": "user", "content": "陵水黎安国际教育创新试验区引进了多少所高校？"}]
    assert not resolve("它今年想把规模做到多大？", verb, Reader(KNOWN), True).carried


def test_a_turn_that_only_asks_for_more_asks_what_comes_after_the_thread_s_answer():
    ask = "河南去年城镇新增就业多少人？"
    more = resolve("展开说说", [ask], Reader(KNOWN), True)
    assert (more.question, more.more) == (ask, 1)
    again = resolve("还有呢", [ask, "展开说说"], Reader(KNOWN), True)  # the words after those the first "more" quoted
    assert (again.question, again.more) == (ask, 2)
    assert resolve("Tell me more", [ask], Reader(KNOWN), True).more == 1
    assert resolve("除了这些还有呢", [ask], Reader(KNOWN), True).more == 1
    # any turn made only of the language's words for asking more, however they combine
    for turn in ("能再多讲一些吗", "说得再具体些", "好的，还有吗？", "具体有哪些？", "请详细说明", "Can you elaborate?",
                 "Any more details?"):
        assert resolve(turn, [ask], Reader(KNOWN), True).more == 1, turn
    for turn in ("有哪些措施", "还有农村呢", "多少"):  # a question of its own, a swap, a figure
        assert resolve(turn, [ask], Reader(KNOWN), True).more == 0, turn
    assert resolve("高铁那块细说一下", ["河南去年基础设施建设搞得怎么样？"], Reader(KNOWN), True).more == 0  # a topic of its own


@pytest.mark.parametrize("history, question", [
    ([], "固定资产投资呢？"),
    (["陕西2025年城镇新增就业目标是多少？"], "海拉尔区2016年地区生产总值是多少？"),  # names its own place: fresh
    (["今年地区生产总值增长目标是多少？"], "吉县苹果产量是多少？"),
    (["吉县去年GDP增速多少？"], "明年房价会跌吗？"),  # shares nothing with the thread
])
def test_a_question_that_stands_alone_starts_fresh(history, question):
    assert resolve(question, history, Reader(KNOWN), True).question == question


@pytest.mark.slow
def test_qa_chat_answers_a_follow_up(real_index_dir):
    """The issue's own line: the second question is answered with the investment target."""
    proc = subprocess.run([sys.executable, "-m", "qa.ui.cli", "chat", "--index", str(real_index_dir), "--json"],
                          input="今年地区生产总值增长目标是多少？\n固定资产投资呢？\n", capture_output=True, text=True,
                          cwd=ROOT, timeout=300)
    assert proc.returncode == 0, proc.stderr[-2000:]
    first, second = [json.loads(line) for line in proc.stdout.splitlines()]
    assert "地區生產總值增長7.5%以上" in first["answer"] and first["context"] == ""
    assert "固定資產投資增長15%以上" in second["answer"] and "固定资产投资" in second["context"]
    assert set(second) >= {"question", "answer", "answer_sources", "abstained", "hits"}


@pytest.mark.slow
def test_switching_report_in_a_follow_up(library_session):
    history = [{"role": "user", "content": "陕西2025年城镇新增就业目标是多少？"}]
    answer = library_session.ask("山西呢？", history=history)
    assert "城镇新增就业45万人" in answer.text() and {h.report.id for h in answer.sources} == {"shanxi-2025"}


def test_a_follow_up_after_three_turns_reads_each_text_once(tmp_path, fake_embedder, monkeypatch):
    """One reading: the session reads the question and each earlier turn once, and checks the options once."""
    from conftest import LIBRARY

    import qa.search.question as question_module
    import qa.session as session_module
    from qa.index.build import build
    from qa.session import Session

    build(LIBRARY, tmp_path / "index", fake_embedder)
    session = Session.open(tmp_path / "index", embedder=fake_embedder)
    reads, cleans, checks = [], [], []
    real_read, real_clean, real_check_k = question_module.read_question, session_module.clean_question, session_module.check_k
    monkeypatch.setattr(question_module, "read_question", lambda text, *a: reads.append(text) or real_read(text, *a))
    monkeypatch.setattr(session_module, "clean_question", lambda text: cleans.append(text) or real_clean(text))
    monkeypatch.setattr(session_module, "check_k", lambda *a: checks.append(a) or real_check_k(*a))
    turns = ["陕西2025年城镇新增就业目标是多少？", "山西呢？", "粮食产量呢？"]
    history = [{"role": role, "content": text} for q in turns for role, text in (("user", q), ("assistant", "…"))]
    answer = session.ask("固定资产投资呢？", history=history)
    assert answer.context  # it followed up
    assert reads and len(reads) == len(set(reads)), f"texts read more than once: {reads}"
    assert set(turns) <= set(reads)
    assert cleans == ["固定资产投资呢？"] and len(checks) == 1


@pytest.mark.slow
def test_the_other_side_swapped_in_and_compared_in_one_turn(corpus_session):
    # one sentence gives both (城乡…分别完成37820元、28104元): each side its own figure, in the list's order
    history = [{"role": "user", "content": "海拉尔2018年城镇居民收入多少"}]
    answer = corpus_session.ask("农村的呢？差多少", history=history)
    assert "37820元 > 农村居民收入 28104元，高9716元" in answer.comparison
    assert [p.label for p in answer.parts] == ["2018年城镇居民收入、农村居民收入"]  # the one sentence quoted once
    history = [{"role": "user", "content": "甘肃去年经济增长了多少"}]
    assert "居全国第3位" in corpus_session.ask("在全国排第几", history=history).text()


@pytest.mark.slow
def test_a_new_subject_is_searched_without_the_words_that_announce_it(corpus_session):
    # 换个话题, then cities the province's report speaks of: searched as asked (it was searched with 话题 as a word to
    # find, and refused with 库中没有襄阳市的报告)
    history = [{"role": "user", "content": "湖北现在有多少家高新技术企业？"}]
    answer = corpus_session.ask("换个话题，襄阳和宜昌的经济总量突破多少了？", history=history)
    assert "突破6000亿元" in answer.text() and answer.question == "换个话题，襄阳和宜昌的经济总量突破多少了？"


@pytest.mark.slow
def test_a_comparison_follow_up_sets_like_against_like(corpus_session):
    # the side that only says 去年实际 takes the figure said after the thread's words (生产总值增长5.5%), not the
    # income growth beside it (城乡居民人均可支配收入分别增长4.3%)
    history = [{"role": "user", "content": "浙江今年GDP增长目标"}]
    assert "5.5%左右 = 去年实际 5.5%" in corpus_session.ask("比去年实际的高吗？", history=history).comparison
    # a level compared is an amount (经济总量达到64697亿元), not the rank or the gap in the same sentence
    history = [{"role": "user", "content": "四川去年地区生产总值多少"}]
    assert "四川省（64697亿元）" in corpus_session.ask("比重庆多多少？", history=history).text()


@pytest.mark.slow
def test_a_rank_asked_after_a_figure_is_the_figure_s_rank(corpus_session):
    # 增速在全国什么位置 asks a rank: 增速居全国第1位, not the share (占比77%) of a neighbouring clause
    history = [{"role": "user", "content": "甘肃去年外贸进出口额多少"}]
    assert "增速居全国第1位" in corpus_session.ask("增速在全国什么位置", history=history).text()


@pytest.mark.slow
def test_an_english_follow_up_about_energy_use(corpus_session):
    # 能耗 is a noun of its own (its 能 is not the verb `can`): the energy target, not a refusal
    history = [{"role": "user", "content": "What is Jilin's GDP growth target for 2025?"}]
    assert "能耗下降2" in corpus_session.ask("What about its energy intensity target?", history=history).text()


@pytest.mark.slow
def test_an_english_pronoun_is_the_thread_s_indicator(corpus_session):
    # `it` is fixed-asset investment growth, said where the pronoun was (not: "hebei How much did it … grow")
    history = [{"role": "user", "content": "What's Hebei's 2025 target for fixed-asset investment growth?"}]
    answer = corpus_session.ask("How much did it actually grow in 2024?", history=history)
    assert "固定资产投资增长6.8%" in answer.text() and "fixed-asset investment growth" in answer.context


@pytest.mark.slow
def test_a_target_compared_with_an_earlier_year_s_result(corpus_session):
    # 比2015年实际高吗 after 2016's target: 2015's actual growth (同比增长8.9%), not 2015's own target (8%) nor the
    # five years' average (年均增长12.1%)
    history = [{"role": "user", "content": "海拉尔2016年GDP增长目标是多少"}]
    answer = corpus_session.ask("比2015年实际高吗？", history=history)
    assert "7.5% < 2015年实际 8.9%" in answer.comparison


@pytest.mark.slow
def test_two_years_of_an_income_are_compared_as_amounts(corpus_session):
    # 人均可支配收入 is the income asked (not another per-head indicator), and 分别 gives 城镇 its first figure
    answer = corpus_session.ask("海拉尔区2016年和2017年城镇居民收入哪年高？")
    # (the list 分别 gives figures to is quoted whole: the reader sees which figure is 城镇's)
    assert [row.cell for row in answer.table.rows] == ["城镇常住居民人均可支配收入完成32943元",
                                                       "城镇和农村居民人均可支配收入分别达35512元、25689元"]
    assert "海拉尔区2017（35512元）[2]高于海拉尔区2016（32943元）[1]，高出2569元" in answer.text(simplified=True)


@pytest.mark.slow
def test_a_declined_follow_up_shows_what_it_was_read_as_once(corpus_session):
    from qa.ui.render import reply_html

    history = [{"role": "user", "content": "湖南去年粮食产量多少？"}]
    answer = corpus_session.ask("在全国排第几？", history=history)
    assert answer.abstained and answer.context
    assert reply_html(answer).count("接上题") == 1  # the label above the reply, not again inside the refusal


@pytest.mark.slow
def test_this_figure_in_a_follow_up_is_the_thread_s_and_the_gap_is_in_the_unit_asked(corpus_session):
    # 比这个多多少亿: the thread's figure is the other side, and 多少亿 compares the amounts, not the growth rates
    history = [{"role": "user", "content": "海拉尔2016年社会消费品零售总额完成了多少"}]
    answer = corpus_session.ask("2017年定的目标比这个多多少亿？", history=history)
    assert "164.1亿元 > " in answer.comparison and "149.2亿元，高14.9亿元" in answer.comparison


@pytest.mark.slow
def test_a_verdict_shows_the_bounds_the_reports_write(corpus_session):
    # 超过90万人 is a bound, not 90万人: the verdict shows each figure as written and says how it compared them
    history = [{"role": "user", "content": "湖北2024年城镇新增就业实际多少？"}]
    answer = corpus_session.ask("比2025年的目标多吗？", history=history)
    assert "超过90万人 > " in answer.comparison and "70万人以上" in answer.comparison
    assert "按所写的数字计" in answer.comparison
    from qa.answer.compose import _FIGURE, _as_written  # a ceiling is not a floor: 不超过3% stays 不超过, 节约 is no 约
    assert _as_written(next(_FIGURE.finditer("赤字率不超过3%"))) == ("不超过3%", True)
    assert _as_written(next(_FIGURE.finditer("节约1亿元"))) == ("1亿元", False)


@pytest.mark.slow
def test_which_grew_faster_compares_the_growth_rates_of_one_sentence(corpus_session):
    # 谁涨得快 asks which, not who; both rates stand in one sentence, each after its own words
    history = [{"role": "user", "content": "安徽去年集成电路产量增长了多少"}]
    answer = corpus_session.ask("工业机器人呢？谁涨得快", history=history)
    assert "47.4% < " in answer.comparison and "81.4%，低34个百分点" in answer.comparison
    # 哪个增长得快 of 城镇和农村居民收入: the growth rates (6.3%, 10.3%), not the incomes beside them
    answer = corpus_session.ask("吉县去年城镇和农村居民收入哪个增长得快")
    assert "6.3% < " in answer.comparison and "10.3%" in answer.comparison


@pytest.mark.slow
def test_a_measure_of_no_field_by_itself_is_the_thread_s_field_s(corpus_session):
    # 收入呢？ after 旅游接待人数: 旅游收入, not the residents' income
    history = [{"role": "user", "content": "海拉尔区2013年旅游接待人数多少？"}]
    answer = corpus_session.ask("收入呢？", history=history)
    assert "旅游收入" in answer.context and "旅游收入完成47.2亿元" in answer.text()


@pytest.mark.slow
def test_higher_than_the_country_is_answered_from_the_province_s_own_words(corpus_session):
    # 比全国平均水平高多少 sets the country as the yardstick: Guizhou's report says 经济增速高于全国平均水平, and no
    # figure of Guizhou's is passed off as the country's
    history = [{"role": "user", "content": "贵州去年GDP增速多少"}]
    answer = corpus_session.ask("比全国平均水平高多少", history=history)
    assert "经济增速高于全国平均水平" in answer.text() and not answer.comparison and answer.table is None


@pytest.mark.slow
def test_an_indicator_by_its_short_name(corpus_session):
    # 固投, 社零: the press's short names of 固定资产投资, 社会消费品零售总额
    history = [{"role": "user", "content": "河南去年固投增长了多少"}]
    assert "固定资产投资增长7%" in corpus_session.ask(history[0]["content"]).text()
    assert "社会消费品零售总额2.76万亿元增长6.1%" in corpus_session.ask("社零呢", history=history).text()


@pytest.mark.slow
def test_more_than_the_year_before_compares_the_amounts_of_two_years(corpus_session):
    # 比前一年多多少 after 2017: 2016's figure (from the report that reviews it), and the gap of the amounts
    history = [{"role": "user", "content": "海拉尔2017年社会消费品零售总额多少"}]
    answer = corpus_session.ask("比前一年多多少", history=history)
    assert "159.5亿元 > 2016年 149.2亿元，高10.3亿元" in answer.comparison


@pytest.mark.slow
def test_a_count_switched_to_is_asked_as_an_amount(corpus_session):
    # 粮食产量呢 after …GDP增长了多少: the grain output (a count), not its growth
    history = [{"role": "user", "content": "河南去年GDP增长了多少"}]
    answer = corpus_session.ask("粮食产量呢", history=history)
    assert answer.context == "河南去年粮食产量多少" and "粮食总产量1344亿斤" in answer.text()


@pytest.mark.slow
def test_a_narrower_indicator_the_report_does_not_set_is_declined(corpus_session):
    # 青年 (which jieba tags as a time) names who is asked about: the report sets 城镇调查失业率, not 青年失业率
    history = [{"role": "user", "content": "2024年国务院报告中今年城镇调查失业率目标是多少"}]
    assert corpus_session.ask("青年失业率要控制在多少？", history=history).abstained
    assert "促进青年就业" in corpus_session.ask("2024年国务院报告里青年就业有什么举措").text()


@pytest.mark.slow
def test_the_year_before_or_after_the_thread_s_is_counted_from_its_year(corpus_session):
    # 前一年呢 after a 2017 figure asks 2016's; 下一年的呢 after 2012's target asks 2013's
    history = [{"role": "user", "content": "海拉尔区2017年一般公共预算收入完成多少"}]
    answer = corpus_session.ask("前一年呢", history=history)
    assert "2016年" in answer.context and "17亿元" in answer.text()
    history = [{"role": "user", "content": "海拉尔2012年的财政收入目标"}]
    assert "24.8亿元" in corpus_session.ask("下一年的呢", history=history).text()
    history = [{"role": "user", "content": "海拉尔区2017年GDP增长多少"}]  # 相对上一年 asks a change, not 2016
    assert "2016" not in corpus_session.ask("相对上一年增长了多少", history=history).context
    history = [{"role": "user", "content": "海拉尔区2019年GDP增长目标"}]  # 再往前一年: the year before, in other words
    assert "6%左右" in corpus_session.ask("再往前一年呢", history=history).text()


@pytest.mark.slow
def test_a_year_swapped_in_other_words_keeps_the_indicator(corpus_session):
    # 换成2018年呢 / 2012年的时候呢: a year put in place of the thread's, not 换成 or 时候 as a topic
    history = [{"role": "user", "content": "海拉尔区2016年旅游收入多少"}]
    answer = corpus_session.ask("2012年的时候呢", history=history)
    assert "2012年旅游收入" in answer.context and "38亿元" in answer.text()
    history = [{"role": "user", "content": "海拉尔2016年接待游客多少人次"}]
    assert "2018年接待游客" in corpus_session.ask("换成2018年呢", history=history).context


@pytest.mark.slow
def test_a_year_no_report_covers_is_said_with_what_the_library_holds(corpus_session):
    history = [{"role": "user", "content": "海拉尔2015年GDP多少"}]
    answer = corpus_session.ask("2020年的呢", history=history)
    assert answer.abstained and "没有涵盖海拉尔区2020年的报告" in answer.text() and "2012–2019" in answer.text()


@pytest.mark.slow
def test_per_head_gdp_is_not_answered_with_the_gdp(corpus_session):
    # Ji County gives its GDP (40.3亿元) and its growth, no GDP per head: 人均GDP呢 is declined, not answered with them
    history = [{"role": "user", "content": "吉县去年GDP多少"}]
    assert corpus_session.ask("人均GDP呢", history=history).abstained


@pytest.mark.slow
def test_a_swap_that_names_the_place_and_more_reads_as_one_question(corpus_session):
    # 换成云南 (no 呢) swaps the place; 天津的高考录取率呢 swaps the topic and keeps the place once
    history = [{"role": "user", "content": "贵州今年城镇新增就业目标"}]
    answer = corpus_session.ask("换成云南", history=history)
    assert "云南今年城镇新增就业目标" in answer.context and "50万人以上" in answer.text()
    history = [{"role": "user", "content": "天津今年GDP目标"}]
    assert "天津今年高考录取率" in corpus_session.ask("天津的高考录取率呢", history=history).context
    history = [{"role": "user", "content": "青海今年GDP目标"}]
    assert "青海明年GDP目标" in corpus_session.ask("青海明年的目标呢", history=history).context
    history = [{"role": "user", "content": "天津今年GDP目标"}]  # a one-character name swapped in by its name
    assert "天津明年GDP目标" in corpus_session.ask("津明年呢", history=history).context


@pytest.mark.slow
def test_a_year_switch_that_says_how_the_target_was_set_keeps_the_indicator(corpus_session):
    # `那2016年定的目标呢？`: 定的 is how a target is set, not a new topic (it read 海拉尔2016年定的目标的目标)
    history = ["海拉尔2017年社会消费品零售总额的目标是多少？"]
    answer = corpus_session.ask("那2016年定的目标呢？", history=history)
    assert "海拉尔2016年社会消费品零售总额的目标" in answer.text()


def test_an_english_follow_up_with_a_topic_of_its_own_is_not_read_as_a_frame():
    r = resolve("And what's the average house price there?", ["山西今年城镇新增就业目标多少"], Reader(KNOWN), True)
    assert "house price" in r.question  # (not 山西…呢: the price is its own topic, which no report answers)


@pytest.mark.slow
def test_last_year_after_a_target_is_what_it_came_to_when_no_report_set_it(corpus_session):
    # 去年呢 after this year's target: the library has no report setting 2024's target (the 2025 report reviews
    # 2024), so the year's result is answered, and the answer says so; asked outright, the target is declined
    history = [{"role": "user", "content": "河南今年城镇新增就业目标"}]
    answer = corpus_session.ask("去年呢", history=history)
    assert "城镇新增就业120万人" in answer.text() and "库中没有定2024年目标的报告" in answer.text()
    assert corpus_session.ask("去年定的目标呢", history=history).abstained


def test_more_asked_quotes_what_the_report_says_next_and_never_the_same_again(corpus_session):
    history = [{"role": "user", "content": "海拉尔2018年脱贫攻坚干得怎么样"}]
    said = [corpus_session.ask(history[0]["content"])]
    for turn in ("展开说说", "还有呢"):
        history.append({"role": "assistant", "content": said[-1].text()})
        history.append({"role": "user", "content": turn})
        said.append(corpus_session.ask(turn, history=history[:-1]))
    first, more, again = said
    assert "建档立卡贫困户301户611人全部脱贫" in more.text() and "[1]" in more.text()
    assert first.parts[0].text not in more.text() and more.parts[0].text not in again.text()


def test_more_after_a_section_s_last_words_goes_on_into_the_next_sections(corpus_session):
    history = [{"role": "user", "content": "重庆今年要抓好几个方面工作"}]  # 今年，要聚力抓好八个方面工作。
    history.append({"role": "assistant", "content": corpus_session.ask(history[0]["content"]).text()})
    more = corpus_session.ask("还有什么", history=history)
    assert not more.abstained and "双城记" in more.text()  # the first of the eight, in the section after the intro


@pytest.mark.slow
def test_a_turn_that_checks_a_figure_is_told_whether_the_report_gives_it(corpus_session):
    history = [{"role": "user", "content": "浙江2025年GDP增长目标是多少"}]
    wrong = corpus_session.ask("是5%吗？", history=history)  # 5% is in the sentence, for unemployment: not GDP's
    assert wrong.parts[0].label == "引文写的是5.5%左右，不是5%" and "生产总值增长5.5%左右" in wrong.parts[0].text
    assert corpus_session.ask("5.5%对吧", history=history).parts[0].label == "是的，报告写的是5.5%"
    assert corpus_session.ask("是5.5%以上吗？", history=history).parts[0].label == "引文写的是5.5%左右，不是5.5%以上"  # the bound
    # asked outright whether a figure is so: the same verdict, with no thread
    alone = corpus_session.ask("国家2024年GDP增长目标是不是5%以上？")
    assert alone.parts[0].label == "引文写的是5%左右，不是5%以上" and "国内生产总值增长5%左右" in alone.parts[0].text
    assert corpus_session.ask("山西今年城镇新增就业目标是45万人吗").parts[0].label == "是的，报告写的是45万人"
    plain = corpus_session.ask("确定吗？", history=history)  # nothing to check but the answer: the quote again
    assert plain.parts[0].label == "" and "生产总值增长5.5%左右" in plain.text() and plain.context
    history = [{"role": "user", "content": "海拉尔2017年定的地区生产总值目标是多少？"}]
    total = corpus_session.ask("确定是326.4亿元吗？", history=history)  # 达到326.4亿元 goes on with 地区生产总值
    assert total.parts[0].label == "是的，报告写的是326.4亿元"


@pytest.mark.slow
def test_where_an_answer_was_said_and_what_else_its_section_says(corpus_session):
    history = [{"role": "user", "content": "浙江今年怎么提振消费？"}]
    where = corpus_session.ask("这是报告哪一部分说的？", history=history)
    asked = history + [{"role": "user", "content": "这是报告哪一部分说的？"}, {"role": "assistant", "content": where.text()}]
    section = corpus_session.ask("这一节还讲了什么？", history=asked)  # of the thread's answer, not of 这是哪一部分说的
    assert section.parts[0].text.startswith("（二）提振和扩大消费")
    assert where.parts[0].label.startswith("出自《2025年浙江省政府工作报告》“二、2025年目标任务和重点工作”部分的“（二）提振和扩大消费")
    assert where.parts[0].text in corpus_session.ask(history[0]["content"]).text()  # the thread's quote, cited again
    history = [{"role": "user", "content": "湖北今年社零增长目标多少？"}]
    rest = corpus_session.ask("这一节还讲了什么？", history=history)
    assert rest.parts[0].text.startswith("（一）在全方位扩大内需上持续加力")
    assert [p.text for p in rest.parts[1:]] == ["精准发力扩大有效投资", "千方百计促进消费需求", "积极主动抢抓政策机遇"]


@pytest.mark.slow
def test_one_item_of_a_listed_answer_asked_for_is_told_with_the_report_s_words_on_it(corpus_session):
    history = [{"role": "user", "content": "黑龙江今年要着力把握好哪五个方面"}]
    second = corpus_session.ask("第二个具体说说", history=history)
    assert second.parts[0].label == "第二项" and second.parts[0].text.startswith("二是遵循经济规律")
    assert "二是遵循经济规律。注重统筹有效市场" in second.text() and "经济循环" in second.text()  # its own sentences, cited
    assert "三是" not in second.text()  # up to where the next item opens
    history = [{"role": "user", "content": "河北今年重点工作有哪些"}]  # the plan's sections, listed
    section = corpus_session.ask("第二项详细说说", history=history)
    assert section.parts[0].text.startswith("（二）聚力推进协同发展") and "京津冀协同发展" in section.text()
    history = [{"role": "user", "content": "吉县今年的十件民生实事是哪些"}]  # items one after another: the item alone
    third = corpus_session.ask("第三件具体讲讲", history=history)
    assert [p.text for p in third.parts] == ["三是實施農業水利灌溉配套工程"]


@pytest.mark.slow
def test_an_answer_that_would_quote_only_a_heading_gives_the_section_it_opens(corpus_session):
    history = [{"role": "user", "content": "山东今年经济增长目标"}]
    answer = corpus_session.ask("说说海洋经济吧", history=history)
    assert answer.parts[0].text == "（六）在发展壮大现代海洋经济上下功夫、求实效"
    assert "做优做强现代海洋产业" in answer.text()  # what the section says, not its heading alone


@pytest.mark.slow
def test_a_subject_swapped_in_that_has_no_such_figure_is_asked_as_a_topic(corpus_session):
    # 那教育呢 after a GDP target: no report sets an 教育增长目标, so what Zhejiang's report says of 教育
    history = [{"role": "user", "content": "浙江今年GDP增长目标多少"}]
    answer = corpus_session.ask("那教育呢", history=history)
    assert not answer.abstained and answer.context == "浙江今年教育" and "教育强省" in answer.text()
    assert "固定资产投资增长" in corpus_session.ask("那固定资产投资呢", history=history).text()  # a measure: as before
    history += [{"role": "assistant", "content": answer.text()}, {"role": "user", "content": "那教育呢"}]
    more = corpus_session.ask("能再多讲一些吗", history=history)  # more of the topic answered, not of 教育增长目标
    assert not more.abstained and more.context == "浙江今年教育"


@pytest.mark.slow
def test_how_a_result_came_about_is_told_by_the_words_around_it(corpus_session):
    # 靠哪些措施实现的 after a review's figure: the figure, then what its paragraph says besides (the year's work for it)
    history = [{"role": "user", "content": "河南去年粮食产量多少"}]
    answer = corpus_session.ask("靠哪些措施实现的", history=history)
    assert "粮食总产量1344亿斤" in answer.parts[0].text and "新建改造高标准农田550万亩" in answer.text()
    cited = {(answer.sources[p.source - 1].chunk.report, answer.sources[p.source - 1].chunk.seq) for p in answer.parts}
    assert len(cited) == 1  # one paragraph: not the next section's words


@pytest.mark.slow
def test_how_a_result_came_about_is_told_by_the_sentences_next_to_it(corpus_session):
    # the figure stands mid-paragraph under its sub-topic's title (农业生产形势喜人。): what follows it is how, not the
    # paragraph's opening on another sub-topic (科技创新)
    history = [{"role": "user", "content": "河北去年粮食总产是多少"}]
    answer = corpus_session.ask("为啥能创新高？", history=history)
    assert "粮食总产781.8亿斤" in answer.parts[0].text and "开展国家盐碱地综合利用试点" in answer.text()
    assert "科技创新" not in answer.text()
    # 靠什么做到的 of a past year's figure asks how it came about (not what a target can be met on)
    history = [{"role": "user", "content": "海拉尔区2014年旅游接待了多少人次？"}]
    answer = corpus_session.ask("靠什么做到的", history=history)
    assert "525.6万人次" in answer.parts[0].text and "成功举办冬泳、雪地摩托车等系列冰雪赛事" in answer.text()
    assert "工业运行稳中有升" not in answer.text()  # the next sub-topic's title ends what is taken


@pytest.mark.slow
def test_measures_asked_of_a_topic_said_in_a_frame_keep_the_topic(corpus_session):
    # 在养老服务上: 上 closes the topic 在 opened; 说说看 asks to be told, it is no topic of its own
    history = [{"role": "user", "content": "河南今年在养老服务上有什么打算？"}]
    answer = corpus_session.ask("具体都有哪些举措，说说看", history=history)
    assert "养老服务" in answer.context and "建成1000个村级标准化养老服务站点" in answer.text()


@pytest.mark.slow
def test_the_last_item_is_asked_only_of_a_list_the_answer_shows_to_its_end(corpus_session):
    # the list quoted up to 十二是 (the answer's length): 最后一件 is 十五是, as the report numbers it
    history = [{"role": "user", "content": "山西15件民生实事有哪些"}]
    last = corpus_session.ask("最后一件呢", history=history)
    assert last.parts[0].text.startswith("十五是新建一批城市书房")
    listed = corpus_session.ask(history[0]["content"]).text()
    assert listed.count("一是新建改造50个社区养老工程") == 1  # each item once, though passages overlap


@pytest.mark.slow
def test_a_rank_checked_is_told_whether_the_report_gives_it(corpus_session):
    history = [{"role": "user", "content": "云南去年改造了多少老旧小区"}]
    wrong = corpus_session.ask("全国排第三对吧", history=history)
    assert wrong.parts[0].label == "引文写的是第5，不是第3" and "居全国第5位" in wrong.text()
    assert corpus_session.ask("全国排第五对吧", history=history).parts[0].label == "是的，报告写的是第5"
    assert corpus_session.ask("是不是全国第三", history=history).parts[0].label == "引文写的是第5，不是第3"
    # 是不是 and a figure alone checks the thread's figure: 5.5%左右 in the same sentence is the unemployment rate's
    history = [{"role": "user", "content": "陕西今年的GDP目标是多少？"}]
    wrong = corpus_session.ask("是不是5.5%左右", history=history)
    assert wrong.parts[0].label == "引文写的是5%左右，不是5.5%左右" and "生产总值增长5%左右" in wrong.text()
    assert corpus_session.ask("是不是5%左右", history=history).parts[0].label == "是的，报告写的是5%左右"


@pytest.mark.slow
def test_a_list_between_semicolons_is_listed_and_its_items_counted(corpus_session):
    listed = corpus_session.ask("重庆今年要办哪些民生实事").text()
    assert "包括：新开工改造城镇老旧小区3011万平方米；建设100个口袋公园" in listed  # on through the items
    assert "启动中心城区交通堵点乱点分类治理60处" in corpus_session.ask("重庆今年15件重点民生实事的第三件是什么").text()
    history = [{"role": "user", "content": "重庆今年要办哪些民生实事"}, {"role": "user", "content": "一共几件"}]
    second = corpus_session.ask("第二件是什么", history=history)
    assert "建设100个口袋公园、10座体育公园" in second.text()
    # the last item is not guessed where the list runs past the passage
    assert "整体提升100所学校" not in corpus_session.ask("重庆今年15件重点民生实事的最后一件是什么").text()


@pytest.mark.slow
def test_an_item_told_further_cites_its_passage_once(corpus_session):
    history = [{"role": "user", "content": "海拉尔区2018年工作安排是哪八个方面？"}]
    fourth = corpus_session.ask("第四个方面具体怎么说的", history=history)
    ids = [h.chunk.chunk_id for h in fourth.sources]
    assert len(ids) == len(set(ids)) and fourth.parts[0].source == 1
    assert fourth.parts[0].text.startswith("（四）在实施生态保护上聚焦发力") and "坚持把绿色作为" in fourth.parts[0].text


@pytest.mark.slow
def test_a_heading_that_names_what_was_asked_is_shown_with_the_quote(corpus_session):
    answer = corpus_session.ask("海拉尔2017年说要打造哪三个“名城”？")
    assert "草原音乐名城、冰雪运动名城、文化旅游名城" in answer.text()  # the section's heading, on a line of its own


@pytest.mark.slow
def test_an_amount_is_not_answered_by_the_count_of_a_list_naming_it(corpus_session):
    answer = corpus_session.ask("海拉尔2014年报告里，2013年社零完成了多少")
    assert "社会消费品零售总额完成110.6亿元" in answer.text() and "六项主要经济指标" not in answer.text()


def test_a_bound_passed_is_no_figure_to_check():
    from qa.answer.check import figure_asked, read_check

    assert figure_asked("国家2024年GDP增长目标是不是5%以上？").figure == "5%以上"
    assert figure_asked("山西今年城镇新增就业目标是45万人吗").figure == "45万人"
    # 突破, 超过: whether a bound was passed (20059亿元 passes 2万亿元), not whether the report says that figure
    assert figure_asked("杭州2023年经济总量突破2万亿元了吗？") is None
    assert figure_asked("河南粮食产量超过1300亿斤了吗") is None
    assert read_check("突破2万亿了吧").figure == "" and read_check("是2万亿吧").figure == "2万亿"
    # 八成, 一半 and 5000块 as people say them; 完成, 3块金牌 are no share and no money
    assert read_check("是八成吗").figure == "80%" and read_check("八成以上对吗").figure == "80%以上"
    assert read_check("已经超过一半了吧") is not None and read_check("完成了吗") is None
    assert read_check("是5000块吧").figure == "5000元" and read_check("是3块金牌吧").figure == "3"


@pytest.mark.slow
def test_what_a_target_can_be_met_on_is_the_sentence_that_says_so(corpus_session):
    history = [{"role": "user", "content": "山西今年GDP定了多少增速？"}]
    grounds = corpus_session.ask("凭什么有把握完成？", history=history)
    assert "我们有信心完成今年发展目标任务" in grounds.text() and "从发展环境看" in grounds.text()
    history = [{"role": "user", "content": "四川今年经济增长目标定的多少"}]
    support = corpus_session.ask("完成起来有啥支撑？", history=history)
    assert "也有较好的支撑和许多有利条件" in support.text() and "独特的科教资源" in support.text()
    # 把握好五个方面 is no question of confidence
    assert "一是坚定发展信心" in corpus_session.ask("黑龙江今年要着力把握好哪五个方面").text()


@pytest.mark.slow
def test_another_indicator_asked_after_a_target_is_that_indicator_s_target(corpus_session):
    history = [{"role": "user", "content": "海拉尔区2019年城乡居民收入增长目标是多少？"}]
    revenue = corpus_session.ask("那一般公共预算收入目标定了多少？", history=history)
    assert revenue.context == "海拉尔区2019年一般公共预算收入目标定了多少"  # (一般 公共 预算 收入: a compound)
    assert revenue.abstained  # the 2019 targets set none


@pytest.mark.slow
def test_a_figure_set_against_another_year_s_report_is_that_report_s_target(corpus_session):
    history = [{"role": "user", "content": "海拉尔2012年报告里固定资产投资目标是多少？"}]
    both = corpus_session.ask("和2014年报告比呢？", history=history)
    assert "194亿元" in both.text() and "108.8亿元" in both.text()  # the 2014 plan's, not 2014's result (121.1亿元)
    assert "121.1亿元" not in both.text()


@pytest.mark.slow
def test_a_word_asked_in_detail_after_a_general_question_is_the_topic_asked(corpus_session):
    history = [{"role": "user", "content": "湖南去年民生方面做得怎么样？"}]
    jobs = corpus_session.ask("就业这块具体讲讲", history=history)
    assert jobs.context == "湖南去年就业" and "城镇新增就业79.8万人" in jobs.text()  # (就业/v said alone: the topic)


@pytest.mark.slow
def test_a_noun_phrase_the_tagger_splits_with_adverbs_is_swapped_whole(corpus_session):
    # 超长期/d 特别/d 国债/n: an adverb before a noun is the noun's attribute, so 专项债呢 swaps the whole phrase
    history = [{"role": "user", "content": "国家今年超长期特别国债发多少"}]
    bonds = corpus_session.ask("专项债呢", history=history)
    assert bonds.context == "国家今年专项债发多少" and "地方政府专项债券3.9万亿元" in bonds.text()


@pytest.mark.slow
def test_what_next_asks_what_the_report_says_after_the_answer(corpus_session):
    history = [{"role": "user", "content": "广东去年房地产怎么样"}]
    first = corpus_session.ask(history[0]["content"])
    more = corpus_session.ask("接下来呢", history=history + [{"role": "assistant", "content": first.text()}])
    assert not more.abstained and "建立城市房地产融资协调机制" in more.text()


@pytest.mark.slow
def test_the_thread_s_report_places_and_figure_are_kept_as_they_were_said(corpus_session):
    def asked(*turns):
        history = [{"role": "user", "content": t} for t in turns[:-1]]
        return corpus_session.ask(turns[-1], history=history)

    # 两个省 are the thread's two places
    both = asked("福建今年粮食产量要达到多少", "广东呢", "两个省差多少")
    assert "1285万吨" in both.text() and "511万吨以上" in both.text() and "高出774万吨" in both.text()
    # 这个数 is the thread's figure; 全市 is where it is ranked, no topic
    ranked = asked("吉县去年社会消费品零售总额是多少？", "这个数在全市排第几")
    assert ranked.context == "吉县去年社会消费品零售总额在全市排第几"
    # a year's report named stays that report: its plan, not the year its review looks back on
    national = asked("2024年政府工作报告里赤字率定的是多少？", "那单位GDP能耗要降多少")
    assert national.context == "2024年政府工作报告里单位GDP能耗要降多少" and "单位国内生产总值能耗降低2.5%左右" in national.text()
    plan = asked("海拉尔区2016年报告计划当年新增就业多少人", "那2012年报告定的呢？")
    assert "全年实现新增就业5000人" in plan.text()


@pytest.mark.slow
def test_a_figure_checked_is_set_against_the_quote_s_figure_of_the_same_unit(corpus_session):
    history = [{"role": "user", "content": "河南今年粮食产量目标多少"}, {"role": "user", "content": "那城镇新增就业定了多少"}]
    checked = corpus_session.ask("是100万人对吧？", history=history)
    assert checked.parts[0].label == "引文写的是110万人以上，不是100万人"  # (not the 5.5% of 城镇调查失业率 beside it)


@pytest.mark.slow
def test_a_turn_with_a_year_of_its_own_asks_that_year(corpus_session):
    # 它今年怎么安排 after last year's figure: this year's plan, not how last year's came about
    history = [{"role": "user", "content": "广西的平陆运河去年投资完成了多少？"}]
    plan = corpus_session.ask("它今年怎么安排", history=history)
    assert plan.parts[0].text.startswith("高标准高质量高效率建设平陆运河")  # (before: 平陆运河投资完成工程概算的64.6% alone)
    # 现在到多少了 asks what the newest report found, not the target it sets
    history = [{"role": "user", "content": "湖南全省高速公路总里程现在到多少了？"}]
    now = corpus_session.ask("贵州那边呢", history=history)
    assert "高速公路总里程突破9000公里" in now.text() and "9500" not in now.text()


@pytest.mark.slow
def test_now_after_a_named_year_asks_the_newest_report_and_a_missing_ground_is_said(corpus_session):
    history = [{"role": "user", "content": "海拉尔2014年报告说上一年地区生产总值完成了多少？"}]
    now = corpus_session.ask("现在到多少了", history=history)
    assert "192.3亿元" in now.text()  # the 2019 report's, not the 2014 report's answer again
    history = [{"role": "user", "content": "上海今年GDP增长目标是多少"}]
    sure = corpus_session.ask("有信心完成吗", history=history)  # the report says nothing of it: the targets, and that
    assert "报告给出了目标，但没有写明凭什么能完成" in sure.text()


@pytest.mark.slow
def test_a_question_of_its_own_checking_a_figure_is_checked_inside_a_thread(corpus_session):
    # it names its own place: not a restatement of the thread's answer, and its verdict is given as when asked alone
    history = [{"role": "user", "content": "内蒙古为啥要专门搞助企行动？"}]
    assert corpus_session.ask("山西今年GDP增长目标是6%吗", history=history).text().startswith("引文写的是5%左右，不是6%")


@pytest.mark.slow
def test_the_details_of_a_sub_topic_are_its_paragraph_s(corpus_session):
    # 持续加强交通综合治理。 is the sentence naming 治堵 (the thesaurus: 拥堵, 交通综合治理): its paragraph says how
    history = [{"role": "user", "content": "北京今年交通方面有什么计划？"}]
    history.append({"role": "assistant", "content": corpus_session.ask(history[0]["content"]).text()})
    answer = corpus_session.ask("治堵那块再讲细一点", history=history)
    assert answer.parts[0].text.startswith("持续加强交通综合治理。加快构建以轨道交通为骨干的综合交通体系")


@pytest.mark.slow
def test_the_details_of_part_of_an_answer_come_from_the_report_it_quoted(corpus_session):
    # 海拉尔2012年 read alone is the review of 2012 a year later; after an answer from the 2012 plan, 物流这块 is the
    # plan's logistics, and 新区建设那块 is the 2016 plan's new district, not the 2017 report's review of 2016
    for first, turn, report, said in [("海拉尔2012年第三产业打算怎么发展", "物流这块能不能讲得详细点", "hailaer-2012", "物流"),
                                       ("海拉尔2016年城市建设有什么安排？", "新区建设那块具体说说", "hailaer-2016", "新区建设")]:
        history = [{"role": "user", "content": first}]
        assert {h.report.id for h in corpus_session.ask(first).sources} == {report}
        answer = corpus_session.ask(turn, history=history)
        assert not answer.abstained and said in answer.text()
        assert {h.report.id for h in answer.sources} == {report}


@pytest.mark.slow
def test_a_check_of_a_measure_the_answer_gave_beside_the_one_asked_is_checked(corpus_session):
    # 总数是36家对吗 after 新增了多少家: the total the same clause list gives (新增22家国家级5G工厂、总数达36家)
    history = [{"role": "user", "content": "江西去年新增了多少家国家级5G工厂？"}]
    assert corpus_session.ask("总数是36家对吗", history=history).parts[0].label == "是的，报告写的是36家"
    # remembered wrong, and said with a hedge: the report's figure is told
    history = [{"role": "user", "content": "青海去年新改建了多少个农村互助幸福院？"}]
    assert corpus_session.ask("我记得是140个，对吧", history=history).parts[0].label == "引文写的是104个，不是140个"


@pytest.mark.slow
def test_a_check_in_yuan_as_people_say_it_is_checked_against_the_clause_with_the_figure(corpus_session):
    # 5000块 is 5000元; the clause naming the most (…困难家庭子女…给予资助) gives no figure: the amount beside it is checked
    history = [{"role": "user", "content": "甘肃今年困难家庭的孩子考上本科补多少钱？"}]
    assert corpus_session.ask("是补5000块吧？", history=history).parts[0].label == "引文写的是1万元，不是5000元"
    assert corpus_session.ask("是1万块吧？", history=history).parts[0].label == "是的，报告写的是1万元"
    assert corpus_session.ask("补助是5000块吧", history=history).parts[0].label == "引文写的是1万元，不是5000元"


@pytest.mark.slow
def test_a_share_checked_as_people_say_it_is_checked_against_the_quote_s_share(corpus_session):
    # 八成 is 80%: set against the share the quote gives (87.3%), not the count beside it (849座公园)
    history = [{"role": "user", "content": "上海24小时开放的公园占全市公园的多少？"}]
    assert corpus_session.ask("是八成吗", history=history).parts[0].label == "引文写的是87.3%，不是80%"
    passed = corpus_session.ask("是不是已经超过八成了？", history=history)  # a bound passed: the answer again
    assert "87.3%" in passed.text() and not passed.abstained


def test_a_bare_count_counts_what_the_thread_counted():
    # 打算新建提升多少个 after 几个口袋公园: the count is of 口袋公园, with the turn's own verb; and of 老旧小区 where the
    # thread named them before its count
    parks = resolve("今年打算新建提升多少个？", ["天津2024年新开放了几个口袋公园？"], Reader(KNOWN), True)
    assert "新建提升多少个口袋公园" in parks.question
    homes = resolve("今年呢，打算综合整治多少个？", ["北京2024年老旧小区改造开工了多少个？"], Reader(KNOWN), True)
    assert "多少个老旧小区" in homes.question and "综合整治" in homes.question
    # what a turn counts with 有 before the count it names itself (三甲医院有几家), and 其中 asks a part
    own = resolve("其中三甲医院有几家？", ["贵州2024年新增了几家三级医院？"], Reader(KNOWN), True)
    assert "几家三级医院" not in own.question
    schools = resolve("那今年新建学校多少所？", ["北京2024年新建了几所幼儿园？"], Reader(KNOWN), True)
    assert "幼儿园" not in schools.question
    named = resolve("今年新建公园多少个？", ["天津2024年新开放了几个口袋公园？"], Reader(KNOWN), True)
    assert "多少个口袋公园" not in named.question
    # a unit counts the thing named after it (多少公里农村公路), asked again of another place
    roads = resolve("青海那边今年修多少公里？", ["辽宁今年新建改造多少公里农村公路？"], Reader(KNOWN), True)
    assert roads.question.startswith("青海") and "农村公路" in roads.question and "多少公里" in roads.question
    homes = resolve("山西建了几个？", ["河南去年新建了多少个养老院？"], Reader(KNOWN), True)
    assert homes.question.count("养老院") == 1  # (the thread's topic said once)


def test_another_place_s_own_question_then_a_comparison_asks_both_places():
    # 甘肃…增长了多少？哪个省增得快？ after 宁夏's: the question asked of both, then compared (it was 甘肃's alone)
    both = resolve("甘肃接待游客人数增长了多少？哪个省增得快？", ["宁夏2024年游客人次增长了多少？"], Reader(KNOWN), True)
    assert both.question.startswith("甘肃和宁夏2024年接待游客人数增长了多少") and "哪个省增得快" in both.question
    # set against its own last year, it compares no places
    year = resolve("甘肃游客增长了多少？比去年快吗？", ["宁夏2024年游客人次增长了多少？"], Reader(KNOWN), True)
    assert "甘肃和宁夏" not in year.question
    # the thread's figure asked bare of another place, then which is more: the thread's question of both, compared
    bare = resolve("陕西新增了多少，两省谁多？", ["四川2024年新增普惠性托位多少个？"], Reader(KNOWN), True)
    assert bare.question.startswith("四川和陕西2024年新增普惠性托位") and bare.question.endswith("谁多")
    target = resolve("陕西目标多少，哪个高？", ["四川2024年新增普惠性托位多少个？"], Reader(KNOWN), True)
    assert "目标" in target.question  # (a measure of its own is no bare repeat)
    # a turn with its own year keeps it (上海今年…, after 北京去年…): not the thread's question of both
    own_year = resolve("上海今年打算新增多少？两边比比", ["北京去年新增了多少个公园？"], Reader(KNOWN), True)
    assert "北京和上海去年" not in own_year.question


def test_a_thing_pointed_back_to_by_its_kind_is_the_thread_s_subject():
    # 这家医院 after 雄安宣武医院…: the hospital the thread named (it was left out: 这家医院 of no hospital)
    hospital = resolve("这家医院有多少张床位？", ["雄安宣武医院去年门诊量是多少？"], Reader(KNOWN), True)
    assert hospital.question.startswith("雄安宣武医院有多少张床位")
    bridge = resolve("这座桥有多长？", ["太原北中环大桥现在有多少车道？"], Reader(KNOWN), True)
    assert bridge.question.startswith("太原北中环大桥有多长")
    # a place alone is no subject: 它 after 山西今年… is the thread's indicator
    it = resolve("它去年实际增长多少？", ["山西今年GDP目标是多少？"], Reader(KNOWN), True)
    assert "gdp" in it.question.lower()


def test_why_or_how_of_a_thing_asked_with_what_is_that_thing():
    # 要推进什么算电协同的试点？ then 为什么？: why of the pilot (it was why of 推进, the verb before 什么)
    why = resolve("为什么？", ["内蒙古今年要推进什么算电协同的试点？"], Reader(KNOWN), True)
    assert "算电协同" in why.question
    how = resolve("有哪些措施？", ["山西今年要推进哪些改革？"], Reader(KNOWN), True)
    assert "改革" in how.question


def test_the_word_now_in_the_thread_s_question_is_no_part_of_its_topic():
    # 现在 says when, it is none of the indicator's name: the swap keeps it (was 海南农村生活污水治理率多少, a target's)
    now = resolve("农村生活污水治理率呢？", ["海南农村卫生厕所普及率现在多少？"], Reader(KNOWN), True)
    assert now.question.startswith("海南农村生活污水治理率现在")


def test_another_year_then_which_is_more_compares_both_years():
    both = resolve("2017年呢？哪年多？", ["海拉尔2016年一共新建改造了几座公厕？"], Reader(KNOWN), True)
    assert both.question.startswith("海拉尔2016年和2017年一共新建改造了几座公厕") and "哪年多" in both.question
    # a multiple asked (翻了多少, 是几倍) sets the two years against each other too
    doubled = resolve("2017年呢？翻了多少？", ["海拉尔2013年旅游收入是多少？"], Reader(KNOWN), True)
    assert doubled.question.startswith("海拉尔2013年和2017年旅游收入") and "翻了多少" in doubled.question


def test_a_target_asked_after_a_result_is_that_year_s_target():
    # what it came to is none of the target's words (was 山西去年GDP增长了目标是多少, 郑州机场去年货邮吞吐量突破了目标是多少)
    target = resolve("目标呢？", ["山西去年GDP增长了多少？"], Reader(KNOWN), True)
    assert target.question == "山西去年GDP增长目标是多少？"
    target = resolve("目标呢？", ["郑州机场去年货邮吞吐量突破了多少？"], Reader(KNOWN), True)
    assert target.question == "郑州机场去年货邮吞吐量目标是多少？"


@pytest.mark.slow
def test_last_year_s_target_the_library_does_not_hold_is_declined_saying_why(corpus_session):
    # the report that set Shanxi's 2024 target is not in the library: said so (it was 库中没有定… after a garbled question)
    history = [{"role": "user", "content": "山西去年GDP增长了多少？"}]
    answer = corpus_session.ask("目标呢？", history=history)
    assert answer.abstained and "没有定山西省2024年目标的那份报告" in answer.text()
    assert answer.context == "山西去年GDP增长目标是多少"


@pytest.mark.slow
def test_a_measure_of_the_thread_s_thing_in_its_everyday_word(corpus_session):
    # 车次 is how people count vehicle trips (the report's 车流量…辆次): it was declined as 深圳 has no report of its own
    history = [{"role": "user", "content": "深中通道通车后深圳到中山最快多久？"}]
    assert "日均车流量超8万辆次" in corpus_session.ask("每天大概有多少车次通过？", history=history).text()
    # 港车 are Hong Kong's cars, no port: 港珠澳大桥上面港车北上 names no 上面港 that the answer must name
    history = [{"role": "user", "content": "港珠澳大桥去年车流量涨了多少？"}]
    assert "450万辆次" in corpus_session.ask("它上面港车北上、澳车北上一共跑了多少辆次？", history=history).text()


@pytest.mark.slow
def test_another_year_compared_in_one_turn_gets_a_verdict_in_the_count_s_unit(corpus_session):
    history = [{"role": "user", "content": "海拉尔2016年一共新建改造了几座公厕？"}]
    answer = corpus_session.ask("2017年呢？哪年多？", history=history)
    assert "海拉尔区2017（34座）[2]高于海拉尔区2016（28座）[1]，高出6座" in answer.text()


def test_the_thing_counted_after_joined_doings_is_the_thread_s_topic():
    # 新建和改造提升多少亩高标准农田: the doings joined by 和 come before the count, the thing counted after it (the
    # topic was 新建, a county's name to the tagger)
    bare = resolve("今年打算建多少？", ["吉林去年新建和改造提升了多少亩高标准农田？"], Reader(KNOWN), True)
    assert bare.question == "吉林今年高标准农田打算建多少？"
    # a doing the tagger calls a noun (启动/vn) before the count: what is counted after it (城中村改造)
    this = resolve("福建这块是多少？", ["贵州今年要启动多少户城中村改造？"], Reader(KNOWN), True)
    assert "城中村改造" in this.question and this.question.startswith("福建")


def test_the_year_before_a_year_said_from_now_is_said_from_now_too():
    # 头一年 after …今年…: 去年 (it was 今年…头一年, read as this year's plan: 压减1.57亿立方米)
    before = resolve("头一年实际压减了多少？", ["河北今年地下水开采量要压减多少？"], Reader(KNOWN), True)
    assert before.question == "河北去年地下水开采量实际压减了多少？"
    assert resolve("再往前一年呢？", ["山西去年GDP增长了多少？"], Reader(KNOWN), True).question == "山西前年GDP增长了多少？"


def test_an_english_turn_s_own_year_replaces_the_thread_s():
    # `last year` in an English turn after a Chinese thread about 今年: the thread's year is not kept beside it
    mixed = resolve("and last year, how many urban jobs were actually added?", ["福建今年城镇新增就业目标是多少？"],
                    Reader(KNOWN), True)
    assert mixed.carried and "今年" not in mixed.question and "last year" in mixed.question


@pytest.mark.slow
def test_what_a_target_is_to_be_met_with_is_the_measures_for_its_field(corpus_session):
    # the measures for a grain target name 粮食, not its 产量: they are found (it was declined)
    history = [{"role": "user", "content": "湖南今年粮食产量目标是多少亿斤"}]
    assert "粮食产能提升行动" in corpus_session.ask("616亿斤拿什么来保证？", history=history).text()
    history = [{"role": "user", "content": "陕西今年粮食产量目标是多少？"}]
    assert "单产提升行动" in corpus_session.ask("准备采取哪些措施实现？", history=history).text()


def test_another_place_compared_keeps_the_thread_s_year_and_the_gap_asked():
    # a topic of the turn's own, set against the thread's place: the thread's 今年 kept (rows of last year's review
    # were compared: 辽宁省 2024 老旧管网5305公里)
    own = resolve("辽宁老旧管网改造呢？哪个省更多？", ["安徽今年城市地下管网要更新改造多少公里？"], Reader(KNOWN), True)
    assert own.question.startswith("辽宁和安徽今年") and "哪个省更多" in own.question
    # 谁多，多多少: which is more and by how much, of the thread's question asked of both places
    gap = resolve("辽宁呢？谁多，多多少？", ["河南今年要新建和改造提升多少高标准农田？"], Reader(KNOWN), True)
    assert gap.question.startswith("河南和辽宁今年") and gap.question.endswith("谁多，多多少")


def test_it_after_a_thing_named_beside_its_place_is_that_thing():
    # 它 is the thread's thing, not its place (it was 天津三期…, 合肥今年要搞什么改革: declined, 合肥 has no report)
    park = resolve("它的三期什么时候能建好？", ["天津的柳林公园二期开放了吗？"], Reader(KNOWN), True)
    assert park.question.startswith("天津柳林公园")
    zone = resolve("它今年要搞什么改革？", ["合肥滨湖科学城是哪个省的"], Reader(KNOWN), True)
    assert zone.question == "合肥滨湖科学城今年要搞什么改革？"
    # a place's indicator is no thing: 它 after 山西今年GDP目标 is the GDP; after 北京市去年常住人口多少, 北京
    assert "GDP" in resolve("它去年实际增长多少？", ["山西今年GDP目标是多少？"], Reader(KNOWN), True).question
    assert "常住人口" not in resolve("它的GDP是多少？", ["北京市去年常住人口多少？"], Reader(KNOWN), True).question


def test_a_kind_pointed_at_is_the_thread_s_thing():
    # 这些路, 这项工程: the thread's thing named in the pointer's place (it was 海拉尔2017年这项工程要投多少钱, answered
    # with another project's 4800万元)
    roads = resolve("这些路加起来多长？", ["海拉尔2017年计划新建改造多少条城市道路？"], Reader(KNOWN), True)
    assert roads.question == "海拉尔2017年城市道路加起来多长？"
    cost = resolve("这项工程要投多少钱？", ["海拉尔2017年计划新建改造多少条城市道路？", "这些路加起来多长？"],
                   Reader(KNOWN), True)
    assert cost.question.startswith("海拉尔2017年城市道路") and cost.question.endswith("要投多少钱？")
    # 这些目标 asks of all the targets: not narrowed to the thread's one
    assert "这些目标" in resolve("这些目标是怎么考虑的？", ["广西2025年GDP增长目标是多少？"], Reader(KNOWN), True).question


def test_the_thing_counted_after_doings_the_tagger_calls_otherwise_is_the_topic():
    # 更新改造/l, 新建/ns 运营/vn 了: doings before the count, whatever the tagger calls them; what is counted is after it
    pipes = resolve("福建那边计划多少？", ["安徽今年要更新改造多少公里城市地下管网？"], Reader(KNOWN), True)
    assert pipes.question.startswith("福建城市地下管网")
    depots = resolve("今年计划建几个？", ["甘肃去年新建运营了几个海外仓？"], Reader(KNOWN), True)
    assert depots.question == "甘肃今年海外仓计划建几个？"


def test_an_amount_of_its_own_is_not_counted_in_the_thread_s_unit():
    # 交通投资 is money: it was 贵州今年要新建多少公里交通投资
    money = resolve("交通投资呢？", ["贵州今年要新建多少公里天然气输气管道？"], Reader(KNOWN), True)
    assert money.question == "贵州今年交通投资是多少"
    scale = resolve("那光伏装机规模呢？", ["安徽今年新增多少个5G基站？"], Reader(KNOWN), True)
    assert scale.question == "安徽今年光伏装机规模是多少"
    # a measure that names no thing of its own (总投资) is the thread's thing's (it was …新建多少公里总投资)
    total = resolve("总投资呢？", ["山西今年要新建多少公里高速公路？"], Reader(KNOWN), True)
    assert total.question == "山西今年高速公路总投资是多少"


def test_a_question_then_a_comparison_with_a_year_in_one_turn():
    both = resolve("今年计划建几个？比去年多吗？", ["甘肃去年新建运营了几个海外仓？"], Reader(KNOWN), True)
    assert both.question == "甘肃今年海外仓计划建几个，比去年多吗？"
    # 多了多少 after another year compares both years (it was 海拉尔2015年旅游接待呢？多了多少: declined)
    years = resolve("2015年呢？多了多少？", ["海拉尔2013年旅游接待了多少人次？"], Reader(KNOWN), True)
    assert years.question.startswith("海拉尔2013年和2015年旅游接待") and years.question.endswith("多了多少？")


def test_which_is_higher_and_by_how_much_compares_the_thread_s_two_places():
    thread = ["海南今年常住人口城镇化率定了多少的目标？", "甘肃的目标呢？"]
    # the place swapped where the thread asked the target already (it was …定目标是多少的目标)
    assert resolve(thread[1], thread[:1], Reader(KNOWN), True).question == "甘肃今年常住人口城镇化率定了多少的目标？"
    both = resolve("哪个更高，差多少？", thread, Reader(KNOWN), True)
    assert both.question.startswith("海南和甘肃今年常住人口城镇化率") and both.question.endswith("哪个更高，差多少？")
    # which and by how much in other words (哪个高？高多少？, 谁高，高了多少, English after Chinese turns): both places
    for asked in ("哪个高？高多少？", "哪個更高？", "Which is higher, and by how much?"):
        assert resolve(asked, thread, Reader(KNOWN), True).question.startswith("海南和甘肃"), asked
    # which did more, with the doing said (哪个建得多): the thread's two places too
    thread = ["山西今年要建多少个标准化社区食堂？", "湖南的社区老年助餐点要建多少？"]
    assert resolve("两个省哪个建得多？", thread, Reader(KNOWN), True).question.startswith("山西和湖南")


def test_a_thread_that_names_no_place_goes_on_with_its_subject():
    # the subject finds its report as the thread's question did (it was 今年的开行目标是多少: declined)
    goes_on = resolve("今年的开行目标是多少？", ["义新欧中欧班列去年一共开行了多少列？"], Reader(KNOWN), True)
    assert goes_on.question == "义新欧中欧班列今年的开行目标是多少？"
    # a pointer (这个工程) points at that subject too
    work = resolve("这个工程总共投了多少钱？", ["引江济淮去年调水多少？"], Reader(KNOWN), True)
    assert work.question == "引江济淮这个工程总共投了多少钱？"


def test_a_pointer_with_no_noun_after_what_picks_it_out_is_the_thread_s_thing():
    part = resolve("其中环二环的那条多长？贯通了没有？", ["北京去年建成了多少公里绿道？"], Reader(KNOWN), True)
    assert "环二环的绿道多长" in part.question
    # 比这个 is the thread's figure, no thing picked out
    assert "比这个" not in resolve("2017年定的目标比这个多多少亿？", ["海拉尔2016年社会消费品零售总额完成多少？"],
                                 Reader(KNOWN), True).question


@pytest.mark.slow
def test_a_check_naming_what_it_checks_is_answered_with_a_verdict(corpus_session):
    # 全省高校是不是已经有80所了: the count asked of the thread's report, checked (it quoted an unrelated sentence)
    history = [{"role": "user", "content": "贵州去年新设了几所高职院校？"}]
    answer = corpus_session.ask("全省高校是不是已经有80所了？", history=history)
    assert "是的，报告写的是80所" in answer.text()
    assert "80所" in answer.context  # (the turn as understood names the figure checked, not …有多少所了)
    # a rank with what is ranked is a question of its own, not a check of the thread's answer (it gave 医保参保率 again)
    history = [{"role": "user", "content": "云南去年基本医保参保率是多少？"}]
    assert "人均预期寿命增幅居全国第1位" in corpus_session.ask("听说人均预期寿命增幅是全国第一，真的吗？",
                                                          history=history).text()


@pytest.mark.slow
def test_two_years_and_how_much_more_get_a_verdict(corpus_session):
    answer = corpus_session.ask("海拉尔2013年和2015年旅游接待了多少人次，多了多少")
    assert "高出169万人次" in answer.text()


def test_what_the_new_follow_up_rules_leave_alone():
    # (a review's cases) a pointer's noun that is no kind of the thread's thing stays the turn's own
    idea = resolve("这个思路是怎么来的？", ["北京今年要新建多少公里城市道路？"], Reader(KNOWN), True)
    assert "城市道路是怎么来的" not in idea.question
    projects = resolve("这些项目总投资多少？", ["山西今年要新开工多少个重大项目？"], Reader(KNOWN), True)
    assert projects.question == "山西今年重大项目总投资多少？"  # (新开工/nz before the count is what is done to them)
    # 那个 after what picks it out among the thread's figures is no thing of the thread's
    assert "那个" in resolve("排第一的那个是哪个市？", ["湖北去年GDP是多少？"], Reader(KNOWN), True).question
    # 增长了多少 after another year asks that year's growth, not a comparison of the two years
    growth = resolve("2014年呢？增长了多少？", ["海拉尔2013年地区生产总值是多少？"], Reader(KNOWN), True)
    assert "2013年和2014年" not in growth.question
    # an acknowledgement opens no question; an amount of the thread's thing keeps the thing (成交 names none)
    assert resolve("好的，那今年打算开多少？", ["中欧班列去年开行多少列？"], Reader(KNOWN), True).question == \
        "中欧班列今年打算开多少？"
    assert resolve("成交额呢？", ["甘肃去年出让了多少宗矿业权？"], Reader(KNOWN), True).question == "甘肃去年矿业权成交额是多少"


def test_another_place_asked_in_the_threads_words_and_time():
    provinces = Reader((*KNOWN, lookup("辽宁省"), lookup("湖南省"), lookup("广西壮族自治区"), lookup("新疆维吾尔自治区"),
                        lookup("河北省")))
    # 那边的数 is the figure of the thread's thing (it was asked as 辽宁去年数建了…)
    farmland = ["湖南去年高标准农田建了、改了多少万亩？"]
    assert resolve("辽宁那边的数呢？", farmland, provinces, True).question == "辽宁去年高标准农田建了、改了多少万亩？"
    # which did more, and by how much, in other words (两个省相差多少万亩, 哪个省区造得多): of both places, the thread's
    # figure and its measure said once (not …改了亩谁更多)
    both = resolve("两省谁更多，差多少？", [*farmland, "辽宁那边的数呢？"], provinces, True).question
    assert both.startswith("湖南和辽宁去年高标准农田") and "亩谁" not in both
    forests = ["河北去年营造林完成了多少？", "山西营造林又是多少？"]
    assert resolve("两个省相差多少万亩？", forests, provinces, True).question.startswith("河北和山西去年营造林")
    gdp = ["广东去年GDP是多少？", "江苏呢？"]  # (a gap in percentage points; a place's figure asked in Traditional)
    assert resolve("差几个百分点", gdp, provinces, True).question.startswith("广东和江苏去年GDP")
    grain = ["江西去年粮食产量是多少？", "湖南是多少？"]  # (grain in 斤, as the reports count it)
    assert resolve("两个省相差多少亿斤？", grain, Reader((*KNOWN, lookup("江西省"), lookup("湖南省"))), True).question \
        .startswith("江西和湖南去年粮食产量")
    assert resolve("遼寧那邊的數呢？", farmland, provinces, True).question == "遼寧去年高标准农田建了、改了多少万亩？"
    planted = ["新疆去年完成造林多少亩？", "广西植树造林呢？"]
    assert resolve("哪个省区造得多，多多少？", planted, provinces, True).question.startswith("新疆和广西去年")
    # a question of its own about another place keeps the thread's time (it was answered with this year's plan)
    assert "新疆去年治理" in resolve("那新疆治理了多少沙化土地？", ["广西去年治理了多少平方公里水土流失？"], provinces,
                                   True).question
    # 河北是多少 asks what 河北呢 asks: the thread's figure, its year and its measure (it was 河北GDP是多少)
    assert resolve("河北是多少？", ["山西今年GDP增长目标是多少？"], provinces, True).question == "河北今年GDP增长目标是多少？"
    # a comparison with no subject of its own is the thread's figure's; the country it is set against is no place asked
    # (跑赢全国了吗 was read as a question about the country, in the thread's time)
    assert resolve("是不是第一次高过全国水平？", ["辽宁去年公共服务质量满意度是多少分？"], provinces, True).question == \
        "辽宁去年公共服务质量满意度是不是第一次高过全国水平？"
    assert resolve("跑赢全国了吗？", ["山西去年GDP增长了多少？"], provinces, True).question == "山西去年GDP增长跑赢全国了吗？"
    # (the review's cases) a measure word is dropped from the pair only where it ends the clause (…项目开工, not …目开工);
    # a measure the turn names of its own is not the thread's; the year goes after the place as written (遼寧); 比去年
    # compares, it sets no time; a question that asks no figure keeps its own time
    projects = resolve("哪个多？", ["广东去年有多少个项目开工？", "江苏呢？"], provinces, True).question
    assert projects == "广东和江苏去年项目开工哪个多？"
    assert resolve("河北增速是多少", ["山西今年GDP增长目标是多少？"], provinces, True).question == "河北GDP增速是多少"
    assert resolve("遼寧治理了多少沙化土地？", ["广西去年治理了多少平方公里水土流失？"], provinces, True).question == \
        "遼寧去年治理了多少沙化土地？"
    assert "去年" not in resolve("新疆GDP是多少？", ["广西今年GDP增长目标比去年高吗？"], provinces, True).question
    assert "去年" not in resolve("浙江有什么新举措", ["广西去年GDP增长了多少？"], provinces, True).question
    assert "固定资产投资超过" not in resolve("超过100亿元的项目有哪些", ["辽宁去年固定资产投资是多少？"], provinces,
                                        True).question
    # an average or a peak asked is a measure of the thread's figure, no field of its own to say something about
    assert not resolve("平时一天平均呢？", ["山西去年高速公路日最高车流量多少？"], provinces, True).topic
    assert "河北2025年" not in resolve("河北的粮食产量是多少？", ["山西2025年城镇新增就业目标是多少？"], provinces,
                                      True).question  # (a year written out is the thread's report's, not carried)


@pytest.mark.slow
def test_two_provinces_compared_after_their_turns_get_a_verdict(corpus_session):
    history = [{"role": "user", "content": "河北去年营造林完成了多少？"}, {"role": "user", "content": "山西营造林又是多少？"}]
    assert "高出319万亩" in corpus_session.ask("两个省相差多少万亩？", history=history).text()


def test_a_comparison_may_name_the_thread_s_measure_again():
    # 两省增速差多少个百分点, 两省的目标差多少: the measure of the thread's figure said again in the comparing turn (it was
    # read as a question of the second place alone: 山西今年GDP两省增速差多少个百分点)
    provinces = Reader((*KNOWN, lookup("河北省"), lookup("江苏省"), lookup("浙江省")))
    targets = ["河北今年GDP增长目标是多少？", "山西呢？"]
    assert resolve("两省增速差多少个百分点", targets, provinces, True).question == "河北和山西今年GDP增长目标差多少个百分点"
    assert resolve("两省的目标差多少", targets, provinces, True).question == "河北和山西今年GDP增长目标差多少"
    growth = ["江苏去年GDP增长了多少？", "浙江呢？"]
    assert resolve("两省增速差了几个百分点", growth, provinces, True).question == "江苏和浙江去年GDP增长差了几个百分点"
    # a measure the thread did not ask is no measure said again: 增速 after a total compares no totals
    totals = ["河北去年GDP是多少？", "山西呢？"]
    assert resolve("两个省的增速差多少", totals, provinces, True).question != "河北和山西去年GDP差多少"


def test_a_place_switched_then_the_thread_s_figure_asked_again_bare():
    # 湖北呢，新建多少: the thread's question of 湖北 (it was left as asked, with no thing: 湖北呢，新建多少)
    provinces = Reader((*KNOWN, lookup("甘肃省"), lookup("湖北省")))
    assert resolve("湖北呢，新建多少？", ["甘肃今年计划新建多少个5G基站？"], provinces, True).question == \
        "湖北今年计划新建多少个5G基站？"
    # a gap asked is a comparison of the two, no figure asked again (辽宁呢，差多少)
    forests = Reader((*KNOWN, lookup("河北省"), lookup("辽宁省")))
    assert resolve("辽宁呢，差多少", ["河北去年营造林多少亩"], forests, True).question.startswith("河北和辽宁去年营造林")
    # a measure of its own is no figure asked again (增速多少 is not the thread's 是多少)
    assert "增速" in resolve("湖北呢，增速多少", ["甘肃去年GDP是多少？"], provinces, True).question


def test_two_years_set_side_by_side_then_compared():
    # 这两年比，多了多少万人次: the thread's two years (it was read as a question of 海拉尔2013年 alone)
    airport = ["海拉尔2011年旅客吞吐量是多少？", "2013年呢？"]
    both = resolve("这两年比，多了多少万人次？", airport, Reader(KNOWN), True).question
    assert both.startswith("海拉尔2011年和2013年旅客吞吐量") and both.endswith("多了多少万人次？")


def test_a_pointer_naming_a_level_is_the_thread_s_place_of_that_level():
    # 这个省 after 广东南沙港…: 广东 (it was carried as 广东南沙, and the answer said the library holds no report of 南沙)
    places = Reader((*KNOWN, lookup("广东省"), lookup("南沙区")))
    assert resolve("这个省去年全省接待了多少游客？", ["广东南沙港去年集装箱吞吐量突破了多少？"], places, True).question == \
        "广东去年全省接待了多少游客？"
    assert resolve("这个省的粮食产量呢", ["山西吉县去年GDP多少"], Reader(KNOWN), True).question == "山西去年粮食产量呢"
    # two places of one level are no province and its district: 这个省 does not choose between them
    assert not resolve("这个省的粮食产量呢", ["山西和陕西去年GDP哪个高"], Reader(KNOWN), True).question.startswith("陕西去年")


def test_a_verb_and_a_count_ask_a_further_figure_of_the_thread_s_thing():
    # 惠及了多少户 (惠及 is a verb the tagger reads as a place name): the homes the thread's renovation reached, not a
    # topic called 惠及; a figure checked in those words likewise
    provinces = Reader((*KNOWN, lookup("江西省")))
    thread = ["江西去年老旧小区改造做了多少个？"]
    assert resolve("惠及了多少户？", thread, provinces, True).question == "江西去年老旧小区改造惠及了多少户？"
    assert resolve("一共惠及了60多万户，对不对？", thread, provinces, True).question.startswith("江西去年老旧小区改造一共惠及")
    # a place the tagger knows and the gazetteer does not (长江) is still a thing of the turn's own
    assert "GDP" not in resolve("长江沿线有多少个城市", ["江西去年GDP是多少"], provinces, True).question


def test_a_plan_or_estimate_word_alone_asks_the_thread_s_indicator():
    # 今年力争到多少 after …城镇化率提高了多少: the rate striven for (it searched 甘肃今年力争到多少, and found nothing)
    provinces = Reader((*KNOWN, lookup("甘肃省"), lookup("海南省"), lookup("重庆市")))
    assert "城镇化率" in resolve("今年力争到多少？", ["甘肃2024年城镇化率提高了多少个百分点？"], provinces, True).question
    # 海南那边预计是多少 after 重庆…预计多少: the thread's indicator and year, the estimate said again
    assert resolve("海南那边预计是多少？", ["重庆去年研发投入强度预计多少？"], provinces, True).question == \
        "海南去年研发投入强度预计是多少？"


def test_an_amount_of_its_own_is_not_asked_in_the_thread_s_area_or_pieces():
    # 粮食产量 after …新建高标准农田多少万亩: output is weighed, not measured in mu (the answer wanted 万亩 and refused)
    provinces = Reader((*KNOWN, lookup("陕西省")))
    thread = ["陕西2024年新建高标准农田多少万亩？", "改造提升的呢？"]
    assert resolve("那一年陕西粮食产量呢？", thread, provinces, True).question == "陕西2024年粮食产量多少？"
    # money goes on in money (民间投资 after …多少亿元), and points stay points
    assert "多少亿元" in resolve("民间投资呢？", ["陕西去年固定资产投资完成多少亿元？"], provinces, True).question
    assert "个百分点" in resolve("失业率呢？", ["陕西去年城镇化率提高了多少个百分点？"], provinces, True).question


def test_how_much_the_figure_moved_over_the_thread_s_two_years_is_their_gap():
    # 这几年涨了多少人 after 2011's jobs and 2014's: both years compared (it was glued onto 2014's question)
    jobs = ["海拉尔区2011年全年城镇新增就业是多少人？", "2014年海拉尔新增了多少？"]
    assert resolve("这几年涨了多少人？", jobs, Reader(KNOWN), True).question == "海拉尔2011年和2014年城镇新增就业新增差多少人"
    # two places of one year, or a place and a year both changed: no two years of one place to set apart
    provinces = Reader((*KNOWN, lookup("河北省")))
    assert "和" not in resolve("这几年涨了多少？", ["山西去年GDP多少？", "河北呢？"], provinces, True).question
    assert "山西和河北" not in resolve("这两年涨了多少", ["山西2023年GDP多少？", "河北2024年呢？"], provinces, True).question
    # adding up the two years is no gap
    assert "差" not in resolve("这两年一共增加了几个", ["山西2023年新建5G基站多少个？", "2024年呢？"], Reader(KNOWN), True).question


def test_a_check_asked_as_yes_or_no_keeps_the_thread_s_thing():
    # 是不是已经连续多少年全国第一了 after 黑龙江粮食总产量…多少亿斤: the grain's record (是不是 names no topic)
    provinces = Reader((*KNOWN, lookup("黑龙江省")))
    asked = resolve("是不是已经连续多少年全国第一了", ["黑龙江粮食总产量去年突破多少亿斤了？"], provinces, True).question
    assert asked == "黑龙江去年粮食总产量是不是已经连续多少年全国第一了"
    # a yes-or-no turn on a target is still asked as one (not turned into a figure swap)
    targets = ["山西今年GDP增长目标是多少？"]
    assert "是多少" not in resolve("去年是否完成了？", targets, Reader(KNOWN), True).question
    kindergartens = ["河南今年计划新建多少个幼儿园？"]
    assert resolve("是不是比去年多？", kindergartens, Reader((*KNOWN, lookup("河南省"))), True).question == "河南是不是比去年多？"


def test_a_turn_that_changes_the_subject_asks_afresh():
    # 换个话题 with a place of its own: nothing of the thread carried (it had become 河南去年…, the thread's year)
    provinces = Reader((*KNOWN, lookup("海南省")))
    thread = ["海南去年新增涉税经营主体多少户？"]
    asked = resolve("换个话题，河南高新技术企业有多少家？", thread, provinces, True)
    assert asked.question == "河南高新技术企业有多少家？" and not asked.carried
    # with no place of its own, the thread's place still goes with it
    assert resolve("换个话题，高新技术企业有多少家？", thread, provinces, True).question.startswith("海南")


def test_a_thing_of_its_own_is_not_asked_in_the_thread_s_money_or_households():
    provinces = Reader((*KNOWN, lookup("辽宁省"), lookup("四川省")))
    # 重点实验室 after …发行政府债券多少亿元: labs are counted, not asked in 亿元 (the answer wanted money and refused)
    assert resolve("那新增的重点实验室呢？", ["辽宁去年发行政府债券多少亿元？"], provinces, True).question == \
        "辽宁去年新增的重点实验室多少？"
    # 进出口规模 after …经营主体达到多少户: an amount, not so many households
    assert resolve("那全省进出口规模呢？", ["四川经营主体达到多少户？"], provinces, True).question == "四川全省进出口规模达到多少？"
    # money goes on where the item is money (专项债券, 外资)
    assert "多少亿元" in resolve("那专项债券呢？", ["辽宁去年发行政府债券多少亿元？"], provinces, True).question


def test_a_place_swapped_in_then_asked_again_and_two_places_asked_if_equal():
    provinces = Reader((*KNOWN, lookup("辽宁省")))
    thread = ["河南去年获国家科学技术奖多少项？"]
    # 换成辽宁是多少项: the swap, then the thread's count asked again with no comma (it kept 换成 inside the question)
    assert resolve("换成辽宁是多少项？", thread, provinces, True).question == "辽宁去年获国家科学技术奖多少项？"
    # 两个省一样多吗 after the two places: both, side by side (it was asked of 辽宁 alone)
    asked = resolve("两个省一样多吗？", [*thread, "换成辽宁是多少项？"], provinces, True).question
    assert asked.startswith("河南和辽宁去年获国家科学技术奖") and asked.endswith("一样多吗？")


def test_a_plan_asked_after_a_result_drops_the_result_word():
    # 2024年要增长多少 after …2023年…完成多少: the plan's growth (it asked …增长完成多少, a result of a plan year)
    thread = ["吉县2023年社会消费品零售总额完成多少？"]
    assert resolve("2024年要增长多少？", thread, Reader(KNOWN), True).question == "吉县2024年社会消费品零售总额增长多少？"
    # a year alone keeps the thread's measure
    assert resolve("2024年呢？", thread, Reader(KNOWN), True).question == "吉县2024年社会消费品零售总额完成多少？"


def test_a_fall_asked_by_its_measure_keeps_the_thread_s_thing():
    # 降幅在全国排进前五了吗 after …事故起数下降了多少: the fall of those accidents, ranked (the thing was lost)
    provinces = Reader((*KNOWN, lookup("吉林省")))
    asked = resolve("降幅在全国排进前五了吗？", ["吉林去年生产安全事故起数下降了多少？"], provinces, True).question
    assert asked == "吉林去年生产安全事故起数降幅在全国排进前五了吗？"


def test_what_a_completed_doing_describes_is_the_thread_s_thing():
    # 今年还打算建多少 after 已建成投用的标准化厂房有多少: the workshops (it asked 建成投用还打算建多少)
    asked = resolve("今年还打算建多少？", ["吉县已建成投用的标准化厂房有多少？"], Reader(KNOWN), True).question
    assert "标准化厂房" in asked and "建成投用" not in asked


def test_the_year_a_named_report_looks_back_on_stays_the_thread_s_year():
    thread = ["海拉尔2018年的报告里，2017年接管了多少个弃管小区？", "老旧小区改造完成了几个？"]
    # the second turn counts its own thing (老旧小区, then what was done to it) in the year asked, 2017 (it lost the year
    # and counted 弃管小区 again)
    second = resolve(thread[1], thread[:1], Reader(KNOWN), True).question
    assert "2017年" in second and "弃管小区" not in second
    # 再问个教育方面的 says only which field comes next; 那一年 is 2017, not the report's 2018
    third = resolve("再问个教育方面的，那一年维修改造了多少所义务教育学校？", thread, Reader(KNOWN), True).question
    assert third == "海拉尔2017年维修改造了多少所义务教育学校？"


def test_the_review_s_cases_of_the_session_s_follow_up_rules():
    provinces = Reader((*KNOWN, lookup("海南省"), lookup("辽宁省")))
    # a thread naming only its report's year still counts 前一年 from it
    assert resolve("前一年呢？", ["海拉尔2018年的报告里，地区生产总值增长目标是多少？"], provinces, True).question == \
        "海拉尔2017年的报告里，地区生产总值增长目标是多少？"
    # 另外问一下，河南呢 is still a swap of the thread's question, not a fresh 河南呢
    thread = ["海南去年新增涉税经营主体多少户？"]
    assert resolve("另外问一下，河南呢？", thread, provinces, True).question == "河南去年新增涉税经营主体多少户？"
    # a place inside 再问个…的问题 is the question's own
    assert "河南" in resolve("再问个河南的问题，去年GDP多少？", thread, provinces, True).question
    # 城区 says where the thread's things were done, not what is counted
    assert resolve("城区改造完成了几个？", ["吉县去年改造了多少个老旧小区？"], provinces, True).question.endswith("老旧小区？")
    # 实际使用外资 is the indicator's name, kept when a plan is asked after it
    assert "实际使用外资" in resolve("2024年要增长多少？", ["河南2023年实际使用外资多少亿美元？"], provinces, True).question
    # money goes on for an amount (网络零售), not for a thing counted (外贸企业)
    retail = ["辽宁去年社会消费品零售总额多少亿元？"]
    assert "多少亿元" in resolve("那网络零售呢？", retail, provinces, True).question
    assert "亿元" not in resolve("那外贸企业呢？", retail, provinces, True).question
    # a doing completed after 已 describes the thing after 的
    assert "光伏项目" in resolve("今年还打算建多少个？", ["吉县已投产的光伏项目有多少个？"], provinces, True).question


def test_a_turn_after_a_doing_that_is_not_counted_keeps_the_thread_s_thing():
    # 评上了5A: 了 after a verb, then no count (a doing of the thread's thing, which goes on)
    r = resolve("湖北那边呢，新增了哪几家？", [{"role": "user", "content": "山西去年有哪些景区评上了5A？"}], Reader(KNOWN), True)
    assert r.question.startswith("湖北") and "景区" in r.question


def test_another_year_asked_in_no_words_of_its_own_then_the_gap():
    # 到2016年是多少？两年差了多少: both years side by side (it asked 2016 alone, with 到 left inside: …收入到是多少)
    hailar = ["海拉尔2014年农村牧区居民人均可支配收入多少？"]
    both = resolve("到2016年是多少？两年差了多少钱？", hailar, Reader(KNOWN), True).question
    assert both.startswith("海拉尔2014年和2016年农村牧区居民人均可支配收入") and both.endswith("两年差了多少钱？")
    assert resolve("到2016年是多少？", hailar, Reader(KNOWN), True).question == "海拉尔2016年农村牧区居民人均可支配收入多少？"
    # a change of that year's own (提高了几个百分点) is no gap between the two
    rate = resolve("2016年呢？提高了几个百分点？", ["海拉尔2014年城镇化率是多少？"], Reader(KNOWN), True).question
    assert "2014年" not in rate and rate.startswith("海拉尔2016年城镇化率")


def test_another_place_with_a_doing_of_its_own_is_compared_on_the_thread_s_thing():
    # 新建和改造了多少？哪个多: only verbs of its own (新建 read as a place name before 和), so the thread's 口袋公园 of both
    parks = Reader((*KNOWN, lookup("江苏省"), lookup("浙江省")))
    which = resolve("浙江新建和改造了多少？哪个多？", ["江苏去年建成了多少个口袋公园？"], parks, True).question
    assert which.startswith("江苏和浙江去年") and "口袋公园" in which and which.endswith("哪个多")
    # 开工改造的有多少个？两省差多少: the thread's count of both, then the gap
    gap = resolve("浙江开工改造的有多少个？两省差多少？", ["江苏去年改造了多少个污水处理厂？"], parks, True).question
    assert gap.startswith("江苏和浙江去年") and "污水处理厂" in gap and gap.endswith("差多少")
    # a thing of its own before the count (引进投资, 新增就业) is not the thread's
    firms = ["江苏去年新增了多少家高新技术企业？"]
    assert "投资" in resolve("浙江引进投资了多少？哪个多？", firms, parks, True).question
    assert "就业" in resolve("浙江新增就业多少？两省差多少？", firms, parks, True).question
    # 浙江的呢？两个省谁多: 浙江's, set beside the thread's
    assert resolve("浙江的呢？两个省谁多？", ["江苏去年新增多少家专精特新企业？"], parks, True).question.startswith("江苏和浙江")


def test_a_grade_is_no_place():
    # 全国重点实验室 is a grade a province's lab holds: 河南's, not 河南 put in for 全国 (河南…多少家河南重点实验室)
    labs = Reader((*KNOWN, lookup("湖北省"), lookup("河南省")))
    assert resolve("河南呢？", ["湖北去年新增多少家全国重点实验室？"], labs, True).question == "河南去年新增多少家全国重点实验室？"
    assert resolve("那新增的全国重点实验室呢？", ["湖北去年发行政府债券多少亿元？"], labs, True).question.startswith("湖北去年")


def test_a_quoted_name_a_total_and_a_net_addition_of_the_thread():
    # “一老一小幸福院”, “四上”企业: a name in quotation marks is one thing (it was cut at the mark: 江西今年建“多少个)
    assert "“一老一小幸福院”" in resolve("多少个？", ["湖南今年要建“一老一小幸福院”吗？"], Reader(KNOWN), True).question
    # a plan's period in quotation marks is a time, swapped around as one (海拉尔农村十二五”期间城镇… before)
    period = resolve("那农村呢？", ["海拉尔“十三五”期间城镇居民收入年均增长多少？"], Reader(KNOWN), True).question
    assert period == "海拉尔十三五期间农村居民收入年均增长多少？"
    # 现在总数 after 净增了多少户: all of them, not the year's net addition
    firms = resolve("现在总数超过多少户了？", ["贵州去年“四上”企业净增了多少户？"], Reader(KNOWN), True).question
    assert "“四上”企业" in firms and "净增" not in firms
    # 总投资是多少: the total of the thread's thing, in its place and year
    total = resolve("总投资是多少？", ["湖南去年开工的重大项目有多少个？"], Reader(KNOWN), True).question
    assert total.startswith("湖南去年") and "项目" in total and total.endswith("总投资是多少？")
    # 谁新增得多: a two-character verb before 得 asks which is more, as 谁多 does
    labs = Reader((*KNOWN, lookup("青海省"), lookup("海南省")))
    assert resolve("海南呢？谁新增得多？", ["青海去年新增了几个博士点？"], labs, True).question.startswith("青海和海南去年")


def test_a_condition_said_first_is_the_swap_and_its_question_is_asked_of_it():
    # 的话 closes a condition as a comma does (it was read as a noun: 湖南去年话增幅是多少)
    gdp = ["湖北去年地区生产总值是多少？"]
    rise = resolve("换成湖南的话增幅是多少？", gdp, Reader((*KNOWN, lookup("湖北省"), lookup("湖南省"))), True).question
    assert rise.startswith("湖南") and "地区生产总值" in rise and "增幅" in rise and "话" not in rise
    assert resolve("如果是2014年的话呢？", ["海拉尔2016年城镇居民收入多少？"], Reader(KNOWN), True).question \
        == "海拉尔2014年城镇居民收入多少？"
    # a condition that names no place, year or thing swaps nothing (这样的话 is not a place called 这样)
    assert resolve("这样的话，增幅是多少？", gdp, Reader((*KNOWN, lookup("湖北省"))), True).question.startswith("湖北")
    # a condition then a change or share of its own keeps it (it asked the level again: 湖南去年地区生产总值是多少)
    hunan = Reader((*KNOWN, lookup("湖北省"), lookup("湖南省"), lookup("长沙市")))
    assert "增长" in resolve("湖南的话，增长了多少？", gdp, hunan, True).question
    assert "占全省" in resolve("长沙的话，占全省多少？", ["湖南去年GDP是多少？"], hunan, True).question
    # 的话 as words said (总书记的话) is no condition
    assert "总书记的话" in resolve("总书记的话是怎么说的？", ["湖南今年GDP增长目标是多少？"], hunan, True).question
    # 换成X，then a question of its own: that question of X (it was 湖南新增城镇就业换成，目标是多少)
    jobs = resolve("换成湖南，目标是多少？", ["湖北去年新增城镇就业多少？"], Reader((*KNOWN, lookup("湖北省"), lookup("湖南省"))),
                   True).question
    assert jobs.startswith("湖南") and "新增城镇就业" in jobs and "换成" not in jobs and "目标" in jobs


def test_a_pronoun_after_a_question_of_when_is_the_thing_asked_about():
    # 它贯通了吗 after 平陆运河什么时候通航: the canal (the turn was searched as it stood)
    assert resolve("它贯通了吗？", ["平陆运河什么时候通航？"], Reader(KNOWN), True).question == "平陆运河贯通了吗？"


def test_a_year_led_to_by_dao_a_bare_swap_verb_and_a_decimal_name():
    # 到2018年呢 asks 2018's figure (it was read as the span 2012年到2018年, the livestock dropped)
    herd = resolve("到2018年呢？", ["海拉尔2012年牧业年度牲畜存栏多少？"], Reader(KNOWN), True).question
    assert herd == "海拉尔2018年牧业年度牲畜存栏多少？"
    assert resolve("到了2018年呢？", ["海拉尔区2016年有多少贫困人口脱贫？"], Reader(KNOWN), True).question \
        == "海拉尔区2018年有多少贫困人口脱贫？"
    # 到2015年那年呢: 那年 points at the year named (it kept 2013年 beside it: …2013年全年到2015年那年多少人次)
    assert resolve("到2015年那年呢？", ["海拉尔区2013年全年接待游客多少人次？"], Reader(KNOWN), True).question \
        == "海拉尔区2015年全年接待游客多少人次？"
    # 换陕西看看呢: 换 only says to swap (it was asked as 陕西的换现在有多少个)
    assert resolve("换陕西看看呢？", ["山东的5G基站现在有多少个？"], Reader((*KNOWN, lookup("山东省"))), True).question \
        == "陕西的5G基站现在有多少个？"
    # 产量总量呢: the thread's 产量, in another measure (it lost 新能源汽车: 湖北去年产量总量多少)
    cars = resolve("产量总量呢？", ["湖北去年新能源汽车产量增长了多少？"], Reader((*KNOWN, lookup("湖北省"))), True).question
    assert cars == "湖北去年新能源汽车产量总量多少？"
    # a measure of the same kind said in other words takes the place of the thread's (it gave …产量增长了增速是多少)
    rate = resolve("汽车产量增速呢？", ["湖南去年新能源汽车产量增长了多少？"], Reader((*KNOWN, lookup("湖南省"))), True).question
    assert rate == "湖南去年新能源汽车产量增速多少？"
    # a measure restated with a word of its own that is part of another (出口 in 进出口) is that word's (review)
    exports = resolve("出口增速呢？", ["广东去年外贸进出口是多少？"], Reader((*KNOWN, lookup("广东省"))), True).question
    assert "出口增速" in exports and "进出口" not in exports
    # 到2018年呢 after a span (2014年以来) is no swap of one year (it gave 2018年以来)
    assert "2018年以来" not in resolve("到2018年呢？", ["海拉尔2014年以来累计脱贫多少人？"], Reader(KNOWN), True).question
    # 强度呢 after …研发经费支出: the field's 强度 (研发强度), as 收入呢 is the thread's field's (it asked 广东去年强度大概多少)
    rd = resolve("强度呢？", ["广东去年研发经费支出大概多少？"], Reader((*KNOWN, lookup("广东省"))), True).question
    assert rd.startswith("广东去年研发强度")
    # …碳排放总量 then 强度呢: 碳 is part of the field (it asked 排放强度)
    carbon = resolve("强度呢？", ["广东去年碳排放总量是多少？"], Reader((*KNOWN, lookup("广东省"))), True).question
    assert carbon.startswith("广东去年碳排放强度")
    # a thread whose topic has no word of two characters (肉) gives no field, and the turn still resolves (it raised)
    assert resolve("产量呢？", ["海拉尔2015年肉多少？"], Reader(KNOWN), True).question.startswith("海拉尔2015年")
    # 规模以上 names a class of firms, no measure to swap (review: 总量呢 gave 广东去年总量以上工业企业利润多少)
    profit = resolve("总量呢？", ["广东去年规模以上工业企业利润多少？"], Reader((*KNOWN, lookup("广东省"))), True).question
    assert "规模以上" in profit and profit.startswith("广东去年规模以上工业企业利润总量")
    # PM2.5 is one name: PM10 takes its place whole (it gave PM10.5)
    dust = resolve("那PM10呢？", ["江西全省PM2.5平均浓度去年多少？"], Reader((*KNOWN, lookup("江西省"))), True).question
    assert "PM10" in dust and "PM10." not in dust and "PM2" not in dust


@pytest.mark.slow
def test_a_change_the_thread_asked_is_answered_by_the_level_of_the_turn_s_thing(corpus_session):
    # 智慧供热覆盖面积呢 after …降了多少: the report gives the area only; the thread's change carried over is answered by it
    # (it was declined: 报告没有给出所问的变化); asked outright, the change is declined, quoting the level
    history = [{"role": "user", "content": "黑龙江去年信访总量降了多少？"}]
    answer = corpus_session.ask("智慧供热覆盖面积呢？", history=history)
    assert not answer.abstained and "2.5亿平方米" in answer.text()
    outright = corpus_session.ask("黑龙江去年智慧供热覆盖面积降了多少？")
    assert outright.abstained and "只写了数值" in outright.text() and "2.5亿平方米" in outright.text()
